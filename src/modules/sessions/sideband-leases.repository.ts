import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The only place the `sideband_leases` table is read or written: which replica owns which call's
 * sideband, until when. Taking and renewing a lease are single statements, so two replicas never
 * both own one.
 */
@Injectable()
export class SidebandLeasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Takes the call's lease for `owner` if it is free, expired, or already its own. */
  async acquire(
    callId: string,
    sessionId: string,
    owner: string,
    seconds: number,
  ): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO sideband_leases (call_id, session_id, owner, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       ON CONFLICT (call_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE sideband_leases.expires_at < now() OR sideband_leases.owner = excluded.owner
       RETURNING call_id`,
      [callId, sessionId, owner, seconds],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Extends every lease `owner` still holds; returns their calls. */
  async renew(owner: string, seconds: number): Promise<string[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE sideband_leases SET expires_at = now() + make_interval(secs => $2)
       WHERE owner = $1 RETURNING call_id`,
      [owner, seconds],
    )) as [{ call_id: string }[], number];
    return rows.map((row) => row.call_id);
  }

  /** Lets every lease of `owner` lapse now (a graceful shutdown hands them over). */
  async handBack(owner: string): Promise<void> {
    await this.dataSource.query(`UPDATE sideband_leases SET expires_at = now() WHERE owner = $1`, [
      owner,
    ]);
  }

  /** Expired leases of calls whose session is still active: someone must take them over. */
  async orphans(): Promise<{ callId: string; sessionId: string }[]> {
    const rows = (await this.dataSource.query(
      `SELECT l.call_id, l.session_id FROM sideband_leases l
       JOIN sessions s ON s.id = l.session_id
       WHERE l.expires_at < now() AND s.state = 'active'`,
    )) as { call_id: string; session_id: string }[];
    return rows.map((row) => ({ callId: row.call_id, sessionId: row.session_id }));
  }

  async releaseCall(callId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sideband_leases WHERE call_id = $1`, [callId]);
  }

  /** Inside the transaction that ends the session. */
  async releaseSession(sessionId: string, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM sideband_leases WHERE session_id = $1`, [sessionId]);
  }
}
