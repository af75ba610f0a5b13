import { DomainError } from '../../../common/errors/domain.error.js';
import { EXTRACTION_ERROR_CODES } from '../extraction.errors.js';
/** What `promise` rejected with; fails loudly if it resolved instead. */ export async function refusalOf(promise) {
    try {
        const value = await promise;
        throw new Error(`expected a refusal, got ${JSON.stringify(value)?.slice(0, 300)}`);
    } catch (error) {
        if (error instanceof DomainError) return error;
        throw error;
    }
}
/** True for an extraction refusal (the only thing extraction may throw). */ export function isExtractionError(error) {
    return error instanceof DomainError && EXTRACTION_ERROR_CODES.includes(error.code) && error.status >= 400 && error.status < 500;
}

//# sourceMappingURL=extraction-refusal.js.map