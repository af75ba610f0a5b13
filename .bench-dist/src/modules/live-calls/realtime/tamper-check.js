/** The session fields only Switchboard may set; a change to any of them from elsewhere is tampering. */ const GOVERNED_FIELDS = [
    'instructions',
    'tools',
    'tool_choice'
];
/** Compares tools by what the model can call: name, description and parameters. */ function normaliseTools(tools) {
    return (tools ?? []).map((tool)=>({
            type: tool.type,
            name: tool.name,
            description: tool.description ?? null,
            parameters: tool.parameters ?? null
        })).sort((a, b)=>String(a.name).localeCompare(String(b.name)));
}
function normalised(field, value) {
    return JSON.stringify(field === 'tools' ? normaliseTools(value) : value ?? null);
}
/** The governed fields where the effective session differs from what Switchboard set. */ export function foreignChanges(expected, effective) {
    const actual = effective;
    return GOVERNED_FIELDS.filter((field)=>normalised(field, expected[field]) !== normalised(field, actual[field]));
}
/** The `session.update` that puts the governed fields back. */ export function revertUpdate(expected) {
    return {
        type: 'session.update',
        session: {
            type: 'realtime',
            instructions: expected.instructions,
            tools: expected.tools,
            tool_choice: expected.tool_choice
        }
    };
}

//# sourceMappingURL=tamper-check.js.map