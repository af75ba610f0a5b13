/** What `GET /ready` reports. */ export { };

//# sourceMappingURL=readiness.js.map