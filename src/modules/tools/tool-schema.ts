import type { Type } from '@nestjs/common';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

type JsonSchema = Record<string, unknown>;

const REF_PREFIX = '#/definitions/';

/**
 * The JSON Schema of a tool's input DTO, self-contained (nested DTOs inlined, since the model gets
 * one schema per tool) and closed (`additionalProperties: false`, matching the validator, which
 * refuses unknown fields).
 */
export function toolInputSchema(input: Type): JsonSchema {
  const definitions = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage as never,
    refPointerPrefix: REF_PREFIX,
  }) as Record<string, JsonSchema>;
  const root = definitions[input.name] ?? { type: 'object', properties: {} };
  return inline(root, definitions, [input.name]);
}

function inline(schema: JsonSchema, definitions: Record<string, JsonSchema>, path: string[]) {
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith(REF_PREFIX)) {
    const name = ref.slice(REF_PREFIX.length);
    if (path.includes(name))
      throw new Error(
        `Tool input ${path[0]} is recursive through ${name}; the model needs a tree.`,
      );
    const { $ref: _ref, ...siblings } = schema;
    const target = definitions[name] ?? { type: 'object', properties: {} };
    return inline({ ...target, ...siblings }, definitions, [...path, name]);
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema))
    out[key] = inlineValue(value, definitions, path);
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

function inlineValue(
  value: unknown,
  definitions: Record<string, JsonSchema>,
  path: string[],
): unknown {
  if (Array.isArray(value)) return value.map((item) => inlineValue(item, definitions, path));
  if (value && typeof value === 'object') return inline(value as JsonSchema, definitions, path);
  return value;
}
