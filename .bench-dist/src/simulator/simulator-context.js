/** What every route and transport of one simulator instance shares. */ export { };

//# sourceMappingURL=simulator-context.js.map