import { ValidationPipe } from '@nestjs/common';
import { RequestValidationError } from './common.errors.js';
/**
 * The global pipe: unknown properties are refused (not silently dropped), payloads are turned into
 * DTO instances, and failures become one `VALIDATION_FAILED` problem listing every field.
 */ export function createValidationPipe() {
    return new ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        stopAtFirstError: false,
        exceptionFactory: (errors)=>new RequestValidationError(flattenValidationErrors(errors))
    });
}
/** Flattens nested class-validator errors into JSON-Pointer addressed field errors. */ export function flattenValidationErrors(errors, parent = '') {
    return errors.flatMap((error)=>{
        const pointer = `${parent}/${escapePointer(error.property)}`;
        const own = Object.values(error.constraints ?? {}).map((detail)=>({
                pointer,
                detail
            }));
        return [
            ...own,
            ...flattenValidationErrors(error.children ?? [], pointer)
        ];
    });
}
function escapePointer(segment) {
    return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

//# sourceMappingURL=validation.pipe.js.map