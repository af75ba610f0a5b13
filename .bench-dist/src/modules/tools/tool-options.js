/** The provider class a `@Tool()` decorates. */ export { };

//# sourceMappingURL=tool-options.js.map