import { OpenAIError } from '../protocol/openai-error.js';
const MAX_BODY_BYTES = 1024 * 1024;
export async function readBody(req) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req){
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
            throw new OpenAIError(413, 'invalid_request_error', 'request_too_large', 'Request body too large.');
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}
/** Parses a JSON body; an empty body counts as `{}` where `allowEmpty`. */ export async function readJson(req, allowEmpty = false) {
    const body = (await readBody(req)).toString('utf8');
    if (body.trim() === '' && allowEmpty) return {};
    try {
        const parsed = JSON.parse(body);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        return parsed;
    } catch  {
        throw OpenAIError.invalidRequest("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)", null);
    }
}
/** Parses multipart/form-data with the platform's own parser (undici's `Request.formData`). */ export async function readForm(req) {
    const body = await readBody(req);
    try {
        return await new Request('http://simulator.local/', {
            method: 'POST',
            headers: {
                'content-type': req.headers['content-type'] ?? ''
            },
            body
        }).formData();
    } catch  {
        throw OpenAIError.invalidRequest('Could not parse the multipart/form-data body.', 'invalid_multipart');
    }
}
export async function formText(form, name) {
    const value = form.get(name);
    if (value === null) return undefined;
    return typeof value === 'string' ? value : await value.text();
}
export function sendJson(res, status, body, headers = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        ...headers
    });
    res.end(text);
}
export function sendEmpty(res, status = 200) {
    res.writeHead(status, {
        'content-length': 0
    });
    res.end();
}
export function sendError(res, error) {
    sendJson(res, error.status, {
        error: error.toBody()
    });
}
export function contentType(req) {
    return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

//# sourceMappingURL=http-io.js.map