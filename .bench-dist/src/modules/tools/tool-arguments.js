import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../../common/errors/validation.pipe.js';
/** Model arguments larger than this are refused before parsing. */ export const MAX_ARGUMENTS_BYTES = 16 * 1024;
/** Deeper nesting than any tool input needs; it would only exhaust the stack of the transformer. */ export const MAX_ARGUMENTS_DEPTH = 16;
/**
 * Keys that could reach an object's prototype through a careless merge, and every name
 * `Object.prototype` carries (`valueOf`, `toString`, …): class-transformer skips those, so they
 * would slip past the unknown-property check.
 */ const FORBIDDEN_KEYS = new Set([
    ...Object.getOwnPropertyNames(Object.prototype),
    'prototype'
]);
/** Text PostgreSQL cannot store or canonical JSON cannot encode: NUL, unpaired UTF-16 surrogates. */ // eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * Turns the model's argument string into a validated DTO instance, or field errors the model can
 * act on. Nothing of the raw text survives: the tool gets the instance, built from a checked copy.
 */ export async function parseToolArguments(dto, text) {
    if (Buffer.byteLength(text, 'utf8') > MAX_ARGUMENTS_BYTES) return failure('', `arguments must be at most ${MAX_ARGUMENTS_BYTES} bytes of JSON`);
    let parsed;
    try {
        parsed = JSON.parse(text === '' ? '{}' : text);
    } catch  {
        return failure('', 'arguments must be a JSON object');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return failure('', 'arguments must be a JSON object');
    const problem = findStructuralProblem(parsed, '', 1);
    if (problem) return failure(problem.pointer, problem.detail);
    const input = plainToInstance(dto, parsed, {
        enableImplicitConversion: false
    });
    let errors;
    try {
        errors = await validate(input, {
            whitelist: true,
            forbidNonWhitelisted: true,
            forbidUnknownValues: true,
            stopAtFirstError: false
        });
    } catch  {
        // A validator that throws on an odd value (class-validator's decimal check on `1e-7`) must
        // still answer with a refusal, never an unhandled error.
        return failure('', 'arguments contain a value that cannot be checked; send plain values');
    }
    if (errors.length > 0) return {
        ok: false,
        errors: flattenValidationErrors(errors)
    };
    return {
        ok: true,
        input,
        plain: parsed
    };
}
/** A forbidden key or too deep a nesting, found before anything walks the value recursively. */ function findStructuralProblem(value, pointer, depth) {
    if (typeof value === 'string') return UNSTORABLE.test(value) ? {
        pointer,
        detail: 'text must not contain NUL characters or unpaired surrogates'
    } : undefined;
    if (!value || typeof value !== 'object') return undefined;
    if (depth > MAX_ARGUMENTS_DEPTH) return {
        pointer,
        detail: `arguments must not nest deeper than ${MAX_ARGUMENTS_DEPTH} levels`
    };
    for (const key of Object.keys(value)){
        const here = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
        if (FORBIDDEN_KEYS.has(key) || UNSTORABLE.test(key)) return {
            pointer: here,
            detail: 'this property name is not allowed'
        };
        const nested = findStructuralProblem(value[key], here, depth + 1);
        if (nested) return nested;
    }
    return undefined;
}
function failure(pointer, detail) {
    return {
        ok: false,
        errors: [
            {
                pointer,
                detail
            }
        ]
    };
}

//# sourceMappingURL=tool-arguments.js.map