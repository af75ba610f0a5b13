/** Reads a problem+json body with its documented shape. */ export async function readProblem(res) {
    return await res.json();
}

//# sourceMappingURL=http.js.map