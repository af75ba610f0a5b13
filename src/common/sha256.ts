import { createHash } from 'node:crypto';

/** SHA-256 of a text (UTF-8), as lowercase hex: the digests the audit log records. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
