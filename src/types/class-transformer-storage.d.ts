// class-transformer ships no types for its metadata storage; class-validator-jsonschema needs it to
// see @Type() on nested and array properties.
declare module 'class-transformer/cjs/storage.js' {
  export const defaultMetadataStorage: unknown;
}
