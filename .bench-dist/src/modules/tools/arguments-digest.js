import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
/**
 * SHA-256 of the exact canonical arguments (RFC 8785), bound to the tool name: what idempotency
 * compares and what an approver must quote, so a changed action cannot pass as the one they saw.
 */ export function argumentsDigest(tool, args) {
    return createHash('sha256').update(`${tool}\n${canonicalize(args) ?? '{}'}`).digest('hex');
}

//# sourceMappingURL=arguments-digest.js.map