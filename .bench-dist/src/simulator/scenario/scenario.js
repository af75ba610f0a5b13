import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
/** One object with exactly one matcher (checked in code, so errors stay readable). */ const ruleMatchSchema = {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
        contains: {
            type: 'string',
            minLength: 1
        },
        regex: {
            type: 'string',
            minLength: 1
        },
        flags: {
            type: 'string',
            pattern: '^[imsu]*$'
        },
        turn: {
            type: 'integer',
            minimum: 1
        },
        any: {
            const: true
        }
    }
};
const MATCHERS = [
    'contains',
    'regex',
    'turn',
    'any'
];
const scenarioSchema = {
    type: 'object',
    additionalProperties: false,
    required: [
        'rules'
    ],
    properties: {
        name: {
            type: 'string'
        },
        greeting: {
            type: 'string'
        },
        spokenTurns: {
            type: 'array',
            items: {
                oneOf: [
                    {
                        type: 'string'
                    },
                    {
                        type: 'object',
                        additionalProperties: false,
                        required: [
                            'text'
                        ],
                        properties: {
                            text: {
                                type: 'string'
                            },
                            transcriptionFails: {
                                type: 'boolean'
                            }
                        }
                    }
                ]
            }
        },
        defaultTranscript: {
            type: 'string'
        },
        fallback: {
            type: 'string'
        },
        noToolReply: {
            type: 'string'
        },
        rules: {
            type: 'array',
            items: {
                type: 'object',
                additionalProperties: false,
                required: [
                    'when'
                ],
                properties: {
                    when: ruleMatchSchema,
                    say: {
                        type: 'string'
                    },
                    afterTools: {
                        type: 'string'
                    },
                    ignoreSessionTools: {
                        type: 'boolean'
                    },
                    callTools: {
                        type: 'array',
                        minItems: 1,
                        items: {
                            type: 'object',
                            additionalProperties: false,
                            required: [
                                'name'
                            ],
                            properties: {
                                name: {
                                    type: 'string',
                                    minLength: 1
                                },
                                arguments: {
                                    type: 'object'
                                }
                            }
                        }
                    }
                },
                oneOf: [
                    {
                        required: [
                            'say'
                        ]
                    },
                    {
                        required: [
                            'callTools'
                        ]
                    }
                ]
            }
        }
    }
};
const validate = new Ajv({
    allErrors: true,
    strict: false
}).compile(scenarioSchema);
/** Thrown for a scenario that does not follow the schema; the message names the problem. */ export class ScenarioError extends Error {
    constructor(...args){
        super(...args), this.name = 'ScenarioError';
    }
}
export function parseScenario(input, source = 'scenario') {
    if (!validate(input)) {
        const problems = (validate.errors ?? []).map((e)=>e.keyword === 'additionalProperties' ? `${e.instancePath || '/'} has unknown property '${e.params.additionalProperty}'` : `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
        throw new ScenarioError(`Invalid ${source}: ${problems}`);
    }
    const scenario = input;
    scenario.rules.forEach((rule, index)=>{
        const matchers = MATCHERS.filter((m)=>m in rule.when);
        if (matchers.length !== 1) {
            throw new ScenarioError(`Invalid ${source}: /rules/${index}/when must have exactly one of ${MATCHERS.join(', ')}`);
        }
        if ('flags' in rule.when && !('regex' in rule.when)) {
            throw new ScenarioError(`Invalid ${source}: /rules/${index}/when/flags needs regex`);
        }
        if ('regex' in rule.when) {
            try {
                new RegExp(rule.when.regex, rule.when.flags);
            } catch (error) {
                throw new ScenarioError(`Invalid ${source}: /rules/${index}/when/regex ${error.message}`);
            }
        }
    });
    return scenario;
}
export function loadScenarioFile(path) {
    let raw;
    try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
        throw new ScenarioError(`Cannot read scenario ${path}: ${error.message}`);
    }
    return parseScenario(raw, `scenario ${path}`);
}

//# sourceMappingURL=scenario.js.map