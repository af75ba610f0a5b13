import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
const REF_PREFIX = '#/definitions/';
/**
 * The JSON Schema of a tool's input DTO, self-contained (nested DTOs inlined, since the model gets
 * one schema per tool) and closed (`additionalProperties: false`, matching the validator, which
 * refuses unknown fields).
 */ export function toolInputSchema(input) {
    const definitions = validationMetadatasToSchemas({
        classTransformerMetadataStorage: defaultMetadataStorage,
        refPointerPrefix: REF_PREFIX
    });
    const root = definitions[input.name] ?? {
        type: 'object',
        properties: {}
    };
    const schema = inline(root, definitions, [
        input.name
    ]);
    assertUniqueClassNames(input.name, referencedNames(root, definitions, new Set([
        input.name
    ])));
    return schema;
}
/**
 * Schemas are keyed by class name, so two validated classes with one name would be merged into
 * one schema that fits neither. That is refused rather than sent to the model.
 */ function assertUniqueClassNames(root, names) {
    const targets = new Map();
    const storage = getMetadataStorage();
    for (const target of storage.validationMetadatas.keys()){
        const name = target.name ?? '';
        if (!names.has(name)) continue;
        targets.set(name, (targets.get(name) ?? new Set()).add(target));
    }
    for (const [name, classes] of targets)if (classes.size > 1) throw new Error(`Tool input ${root} uses the class name ${name}, which ${classes.size} validated classes share; ` + 'schemas are keyed by class name, so rename one.');
}
function referencedNames(schema, definitions, seen) {
    if (!schema || typeof schema !== 'object') return seen;
    for (const [key, value] of Object.entries(schema)){
        if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
            const name = value.slice(REF_PREFIX.length);
            if (!seen.has(name)) referencedNames(definitions[name], definitions, seen.add(name));
        } else referencedNames(value, definitions, seen);
    }
    return seen;
}
function inline(schema, definitions, path) {
    const ref = schema.$ref;
    if (typeof ref === 'string' && ref.startsWith(REF_PREFIX)) {
        const name = ref.slice(REF_PREFIX.length);
        if (path.includes(name)) throw new Error(`Tool input ${path[0]} is recursive through ${name}; the model needs a tree.`);
        const { $ref: _ref, ...siblings } = schema;
        const target = definitions[name] ?? {
            type: 'object',
            properties: {}
        };
        return inline({
            ...target,
            ...siblings
        }, definitions, [
            ...path,
            name
        ]);
    }
    const out = {};
    for (const [key, value] of Object.entries(schema))out[key] = inlineValue(value, definitions, path);
    if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
    return out;
}
function inlineValue(value, definitions, path) {
    if (Array.isArray(value)) return value.map((item)=>inlineValue(item, definitions, path));
    if (value && typeof value === 'object') return inline(value, definitions, path);
    return value;
}

//# sourceMappingURL=tool-schema.js.map