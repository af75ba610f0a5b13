export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
/**
 * Problem types are URNs: stable identifiers that do not pretend to resolve; docs/errors.md lists them.
 */ export function problemType(code) {
    return `urn:switchboard:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

//# sourceMappingURL=problem-details.js.map