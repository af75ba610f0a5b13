/**
 * JSON Schema of `RealtimeSessionCreateRequestGA` (the GA session config accepted by
 * client_secrets, the calls multipart `session` part, SIP accept and `session.update`), transcribed
 * from OpenAI's OpenAPI description. Objects refuse unknown properties, as the real API does.
 */ // `discriminator` makes the validator report errors from the branch the `type` selects, so an
// error names the field that is actually wrong (not a mismatch with some other branch).
const audioFormat = {
    type: 'object',
    required: [
        'type'
    ],
    discriminator: {
        propertyName: 'type'
    },
    oneOf: [
        {
            type: 'object',
            additionalProperties: false,
            required: [
                'type'
            ],
            properties: {
                type: {
                    const: 'audio/pcm'
                },
                rate: {
                    const: 24000
                }
            }
        },
        {
            type: 'object',
            additionalProperties: false,
            required: [
                'type'
            ],
            properties: {
                type: {
                    enum: [
                        'audio/pcmu',
                        'audio/pcma'
                    ]
                }
            }
        }
    ]
};
const serverVad = {
    type: 'object',
    additionalProperties: false,
    required: [
        'type'
    ],
    properties: {
        type: {
            const: 'server_vad'
        },
        threshold: {
            type: 'number',
            minimum: 0,
            maximum: 1
        },
        prefix_padding_ms: {
            type: 'integer',
            minimum: 0
        },
        silence_duration_ms: {
            type: 'integer',
            minimum: 0
        },
        create_response: {
            type: 'boolean'
        },
        interrupt_response: {
            type: 'boolean'
        },
        idle_timeout_ms: {
            type: [
                'integer',
                'null'
            ],
            minimum: 5000,
            maximum: 30000
        }
    }
};
const semanticVad = {
    type: 'object',
    additionalProperties: false,
    required: [
        'type'
    ],
    properties: {
        type: {
            const: 'semantic_vad'
        },
        eagerness: {
            enum: [
                'low',
                'medium',
                'high',
                'auto'
            ]
        },
        create_response: {
            type: 'boolean'
        },
        interrupt_response: {
            type: 'boolean'
        }
    }
};
const functionTool = {
    type: 'object',
    additionalProperties: false,
    required: [
        'type',
        'name'
    ],
    properties: {
        type: {
            const: 'function'
        },
        name: {
            type: 'string',
            pattern: '^[a-zA-Z0-9_-]{1,64}$'
        },
        description: {
            type: 'string'
        },
        parameters: {
            type: 'object'
        }
    }
};
const mcpTool = {
    type: 'object',
    additionalProperties: false,
    required: [
        'type',
        'server_label'
    ],
    properties: {
        type: {
            const: 'mcp'
        },
        server_label: {
            type: 'string',
            minLength: 1
        },
        server_url: {
            type: 'string'
        },
        connector_id: {
            type: 'string'
        },
        tunnel_id: {
            type: 'string'
        },
        authorization: {
            type: 'string'
        },
        server_description: {
            type: 'string'
        },
        headers: {
            type: [
                'object',
                'null'
            ]
        },
        allowed_tools: {},
        allowed_callers: {},
        require_approval: {},
        defer_loading: {
            type: 'boolean'
        }
    }
};
export const sessionSchema = {
    type: 'object',
    additionalProperties: false,
    required: [
        'type'
    ],
    properties: {
        type: {
            const: 'realtime'
        },
        model: {
            type: 'string',
            minLength: 1
        },
        instructions: {
            type: 'string'
        },
        output_modalities: {
            type: 'array',
            minItems: 1,
            maxItems: 1,
            items: {
                enum: [
                    'audio',
                    'text'
                ]
            }
        },
        audio: {
            type: 'object',
            additionalProperties: false,
            properties: {
                input: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        format: audioFormat,
                        transcription: {
                            type: [
                                'object',
                                'null'
                            ],
                            additionalProperties: false,
                            properties: {
                                model: {
                                    type: 'string'
                                },
                                language: {
                                    type: 'string'
                                },
                                languages: {
                                    type: 'array',
                                    items: {
                                        type: 'string'
                                    }
                                },
                                keywords: {
                                    type: 'array',
                                    items: {
                                        type: 'string'
                                    }
                                },
                                prompt: {
                                    type: 'string'
                                },
                                delay: {}
                            }
                        },
                        noise_reduction: {
                            type: [
                                'object',
                                'null'
                            ],
                            additionalProperties: false,
                            properties: {
                                type: {
                                    enum: [
                                        'near_field',
                                        'far_field'
                                    ]
                                }
                            }
                        },
                        turn_detection: {
                            if: {
                                type: 'null'
                            },
                            then: true,
                            else: {
                                type: 'object',
                                required: [
                                    'type'
                                ],
                                discriminator: {
                                    propertyName: 'type'
                                },
                                oneOf: [
                                    serverVad,
                                    semanticVad
                                ]
                            }
                        }
                    }
                },
                output: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        format: audioFormat,
                        voice: {
                            oneOf: [
                                {
                                    enum: [
                                        'alloy',
                                        'ash',
                                        'ballad',
                                        'coral',
                                        'echo',
                                        'sage',
                                        'shimmer',
                                        'verse',
                                        'marin',
                                        'cedar'
                                    ]
                                },
                                {
                                    type: 'object',
                                    additionalProperties: false,
                                    required: [
                                        'id'
                                    ],
                                    properties: {
                                        id: {
                                            type: 'string',
                                            pattern: '^voice_'
                                        }
                                    }
                                }
                            ]
                        },
                        speed: {
                            type: 'number',
                            minimum: 0.25,
                            maximum: 1.5
                        }
                    }
                }
            }
        },
        include: {
            type: [
                'array',
                'null'
            ],
            items: {
                const: 'item.input_audio_transcription.logprobs'
            }
        },
        tracing: {
            oneOf: [
                {
                    const: 'auto'
                },
                {
                    type: 'null'
                },
                {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        workflow_name: {
                            type: 'string'
                        },
                        group_id: {
                            type: 'string'
                        },
                        metadata: {
                            type: 'object'
                        }
                    }
                }
            ]
        },
        tools: {
            type: 'array',
            items: {
                type: 'object',
                required: [
                    'type'
                ],
                discriminator: {
                    propertyName: 'type'
                },
                oneOf: [
                    functionTool,
                    mcpTool
                ]
            }
        },
        tool_choice: {
            oneOf: [
                {
                    enum: [
                        'none',
                        'auto',
                        'required'
                    ]
                },
                {
                    type: 'object',
                    additionalProperties: false,
                    required: [
                        'type',
                        'name'
                    ],
                    properties: {
                        type: {
                            const: 'function'
                        },
                        name: {
                            type: 'string'
                        }
                    }
                },
                {
                    type: 'object',
                    additionalProperties: false,
                    required: [
                        'type',
                        'server_label'
                    ],
                    properties: {
                        type: {
                            const: 'mcp'
                        },
                        server_label: {
                            type: 'string'
                        },
                        name: {
                            type: 'string'
                        }
                    }
                }
            ]
        },
        parallel_tool_calls: {
            type: 'boolean'
        },
        reasoning: {
            type: 'object',
            additionalProperties: false,
            properties: {
                effort: {
                    enum: [
                        'minimal',
                        'low',
                        'medium',
                        'high',
                        'xhigh'
                    ]
                }
            }
        },
        max_output_tokens: {
            oneOf: [
                {
                    type: 'integer',
                    minimum: 1,
                    maximum: 4096
                },
                {
                    const: 'inf'
                }
            ]
        },
        truncation: {},
        prompt: {}
    }
};

//# sourceMappingURL=session-schema.js.map