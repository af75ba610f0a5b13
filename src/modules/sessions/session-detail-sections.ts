import { Injectable } from '@nestjs/common';

import type { SessionRecord } from './session.record.js';

type Section = (session: SessionRecord) => Promise<unknown>;

/**
 * Parts of `GET /v1/admin/sessions/{id}` that modules downstream of sessions contribute (the
 * knowledge a call was given, per turn), added at their start: sessions cannot import them.
 */
@Injectable()
export class SessionDetailSections {
  private readonly sections = new Map<string, Section>();

  add(name: string, section: Section): void {
    if (this.sections.has(name))
      throw new Error(`The session detail already has a "${name}" section`);
    this.sections.set(name, section);
  }

  async of(session: SessionRecord): Promise<Record<string, unknown>> {
    const entries = await Promise.all(
      [...this.sections].map(async ([name, section]) => [name, await section(session)] as const),
    );
    return Object.fromEntries(entries);
  }
}
