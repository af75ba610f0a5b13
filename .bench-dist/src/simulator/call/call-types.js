/** A server event as sent on the wire. */ export { };

//# sourceMappingURL=call-types.js.map