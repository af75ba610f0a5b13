/** The error object OpenAI puts in HTTP error bodies and in `error` events. */ /**
 * An error answered in OpenAI's shape: `{"error":{message,type,param,code}}` over HTTP, or an
 * `error` server event on a realtime connection (where the session stays open).
 */ export class OpenAIError extends Error {
    constructor(status, type, code, message, param = null){
        super(message), this.status = status, this.type = type, this.code = code, this.param = param;
        this.name = 'OpenAIError';
    }
    toBody() {
        return {
            message: this.message,
            type: this.type,
            param: this.param,
            code: this.code
        };
    }
    static invalidRequest(message, code, param = null) {
        return new OpenAIError(400, 'invalid_request_error', code, message, param);
    }
    static callNotFound() {
        return new OpenAIError(404, 'invalid_request_error', 'call_id_not_found', 'No session found for the provided call_id', '');
    }
    /** A client event over its transport's limit: refused unread. */ static eventTooLarge(bytes, maxBytes, transport) {
        return OpenAIError.invalidRequest(`The event is ${bytes} bytes; a ${transport} carries at most ${maxBytes} bytes per event.`, 'event_too_large');
    }
    /** A client event whose answer would not fit a connection of the call: refused unapplied. */ static answerTooLarge(type, bytes, maxBytes, param) {
        return OpenAIError.invalidRequest(`The ${type} event this would send is ${bytes} bytes; a connection of this call carries at most ${maxBytes} bytes per event. Nothing was changed.`, 'event_too_large', param);
    }
}

//# sourceMappingURL=openai-error.js.map