// class-transformer ships no types for its metadata storage; class-validator-jsonschema needs it to
// see @Type() on nested and array properties.

//# sourceMappingURL=class-transformer-storage.d.js.map