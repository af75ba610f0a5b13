import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { AGENT_PROFILES } from './agent-profiles.js';
const positiveInt = {
    type: 'integer',
    minimum: 1
};
/** One profile in the file; everything optional so a built-in can be adjusted field by field. */ const profileSchema = {
    type: 'object',
    additionalProperties: false,
    properties: {
        model: {
            type: 'string',
            minLength: 1
        },
        voice: {
            type: 'string',
            minLength: 1
        },
        instructions: {
            type: 'string',
            minLength: 1,
            maxLength: 20_000
        },
        turnDetection: {
            type: [
                'object',
                'null'
            ]
        },
        responseStart: {
            enum: [
                'vad',
                'server'
            ]
        },
        // OpenAI accepts 1-4096 output tokens per response.
        maxOutputTokens: {
            type: 'integer',
            minimum: 1,
            maximum: 4096
        },
        tools: {
            type: 'array',
            items: {
                type: 'string',
                pattern: '^[a-z][a-z0-9_]{0,63}$'
            }
        },
        limits: {
            type: 'object',
            additionalProperties: false,
            properties: {
                maxDurationSeconds: positiveInt,
                warningSeconds: {
                    type: 'integer',
                    minimum: 0
                },
                maxPerUser: positiveInt
            }
        }
    }
};
const fileSchema = {
    type: 'object',
    additionalProperties: profileSchema
};
const PROFILE_NAME = /^[a-z][a-z0-9_-]{0,63}$/;
const REQUIRED = [
    'model',
    'voice',
    'instructions',
    'turnDetection'
];
/**
 * Agent profiles from SWITCHBOARD_AGENT_PROFILES_FILE (JSON: name → profile), merged over the
 * built-ins: operators tune VAD, voice, instructions or limits per agent without a release. A
 * new profile must give model, voice, instructions and turnDetection. Returns the problem in
 * words, or the merged profiles.
 */ export function loadAgentProfiles(path) {
    if (!path) return AGENT_PROFILES;
    let parsed;
    try {
        parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
        return `cannot be read as JSON (${error.message})`;
    }
    const badName = parsed && typeof parsed === 'object' && Object.keys(parsed).find((name)=>!PROFILE_NAME.test(name));
    if (badName !== undefined) return `names a profile "${badName}"; names are lowercase letters, digits, _ and -, starting with a letter`;
    const validate = new Ajv({
        allErrors: true
    }).compile(fileSchema);
    if (!validate(parsed)) {
        const [first] = validate.errors ?? [];
        return `is not a valid profiles file: ${first?.instancePath || '(root)'} ${first?.message ?? ''}`.trim();
    }
    const merged = {
        ...AGENT_PROFILES
    };
    for (const [name, override] of Object.entries(parsed)){
        const profile = {
            ...merged[name],
            ...override,
            name
        };
        const missing = REQUIRED.filter((field)=>profile[field] === undefined);
        if (missing.length > 0) return `defines the new profile "${name}" without ${missing.join(', ')}`;
        merged[name] = profile;
    }
    return merged;
}

//# sourceMappingURL=agent-profiles-file.js.map