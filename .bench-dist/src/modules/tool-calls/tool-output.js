/** The model learns what a relaying page learns from the problem document: code, detail, members. */ export function errorOutput(error) {
    return {
        ok: false,
        error: {
            ...error.extensions,
            code: error.code,
            message: error.message,
            ...error.errors?.length ? {
                errors: error.errors
            } : {}
        }
    };
}

//# sourceMappingURL=tool-output.js.map