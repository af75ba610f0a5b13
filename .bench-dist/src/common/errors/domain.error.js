/** One field-level problem, as listed in a problem+json `errors[]` member. */ /**
 * Base class for every rule the domain enforces. Services throw these (never `HttpException`);
 * the problem-details filter maps them to RFC 9457 responses, and the tool pipeline hands the same
 * `code` and `detail` to the model.
 */ export class DomainError extends Error {
    constructor(init){
        super(init.detail);
        this.name = new.target.name;
        this.code = init.code;
        this.status = init.status;
        this.title = init.title;
        this.errors = init.errors;
        this.extensions = init.extensions;
        this.retryAfterSeconds = init.retryAfterSeconds;
    }
}

//# sourceMappingURL=domain.error.js.map