import { Injectable } from '@nestjs/common';
import { closest, distance } from 'fastest-levenshtein';

import type { RegisteredTool } from './registered-tool.js';
import { ToolMessages } from './tool.messages.js';

/** Every registered tool by name. Filled once at bootstrap by `ToolExplorer`. */
@Injectable()
export class ToolRegistry {
  private readonly tools = new Map<string, RegisteredTool>();

  /** Adds a tool; a second tool with the same name is a boot error. */
  register(tool: RegisteredTool): void {
    const existing = this.tools.get(tool.name);
    if (existing)
      throw new Error(
        ToolMessages.duplicateName(tool.name, existing.providerName, tool.providerName),
      );
    this.tools.set(tool.name, tool);
  }

  get(name: string): RegisteredTool | undefined {
    return this.tools.get(name);
  }

  has(name: string): boolean {
    return this.tools.has(name);
  }

  all(): RegisteredTool[] {
    return [...this.tools.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  names(): string[] {
    return this.all().map((tool) => tool.name);
  }

  /** The registered name closest to a misspelt one, if it is plausibly what was meant. */
  suggest(name: string): string | undefined {
    const names = this.names();
    if (names.length === 0) return undefined;
    const candidate = closest(name, names);
    return distance(name, candidate) <= Math.max(2, Math.floor(name.length / 3))
      ? candidate
      : undefined;
  }
}
