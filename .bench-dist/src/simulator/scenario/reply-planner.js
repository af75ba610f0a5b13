const DEFAULT_FALLBACK = 'I am a simulated assistant.';
const DEFAULT_NO_TOOL_REPLY = 'Sorry, I cannot do that.';
const DEFAULT_AFTER_TOOLS = 'Done. {{outputs}}';
/** Picks the first matching rule for a user turn and turns it into a reply plan. */ export function planReply(scenario, turn, options) {
    if (!turn) return {
        kind: 'say',
        text: scenario.greeting ?? 'Hello! How can I help you today?'
    };
    for (const rule of scenario.rules){
        const match = matchRule(rule.when, turn);
        if (!match) continue;
        const context = {
            text: turn.text,
            turn: turn.number,
            match
        };
        return planRule(scenario, rule, context, options);
    }
    return {
        kind: 'say',
        text: scenario.fallback ?? DEFAULT_FALLBACK
    };
}
function planRule(scenario, rule, context, options) {
    if (!rule.callTools) return {
        kind: 'say',
        text: renderText(rule.say ?? '', context, {})
    };
    const calls = options.toolsForbidden ? [] : rule.callTools.filter((call)=>rule.ignoreSessionTools === true || options.sessionTools.has(call.name)).map((call)=>({
            name: call.name,
            arguments: JSON.stringify(renderArguments(call.arguments ?? {}, context))
        }));
    if (calls.length === 0) {
        return {
            kind: 'say',
            text: scenario.noToolReply ?? DEFAULT_NO_TOOL_REPLY
        };
    }
    return {
        kind: 'tools',
        calls,
        afterTools: rule.afterTools ?? DEFAULT_AFTER_TOOLS,
        context
    };
}
function matchRule(when, turn) {
    if ('any' in when) return [
        turn.text
    ];
    if ('turn' in when) return when.turn === turn.number ? [
        turn.text
    ] : undefined;
    if ('contains' in when) {
        return turn.text.toLowerCase().includes(when.contains.toLowerCase()) ? [
            turn.text
        ] : undefined;
    }
    const result = new RegExp(when.regex, when.flags).exec(turn.text);
    return result ? result.map((group)=>group ?? '') : undefined;
}
const TEMPLATE = /\{\{\s*([\w.-]+)(\|number)?\s*\}\}/g;
const WHOLE_NUMBER_TEMPLATE = /^\{\{\s*([\w.-]+)\|number\s*\}\}$/;
function lookup(path, context, outputs) {
    if (path === 'text') return context.text;
    if (path === 'turn') return String(context.turn);
    if (path === 'outputs') return Object.values(outputs).join(' ');
    const dot = path.indexOf('.');
    if (dot < 0) return '';
    const [head, rest] = [
        path.slice(0, dot),
        path.slice(dot + 1)
    ];
    if (head === 'match') return context.match[Number(rest)] ?? '';
    if (head === 'output') return outputs[rest] ?? '(no result)';
    if (head === 'hoursFromNow') return hoursFromNow(Number(rest));
    return '';
}
/** `{{hoursFromNow.N}}`: the top of the hour N hours from now, ISO 8601 in UTC (a time to book). */ function hoursFromNow(hours) {
    if (!Number.isFinite(hours)) return '';
    const at = new Date(Date.now() + hours * 3_600_000);
    at.setUTCMinutes(0, 0, 0);
    return at.toISOString().replace('.000Z', 'Z');
}
/** Fills `{{…}}` placeholders in a reply text. */ export function renderText(template, context, outputs) {
    return template.replace(TEMPLATE, (_, path)=>lookup(path, context, outputs));
}
function renderArguments(value, context) {
    if (typeof value === 'string') {
        const whole = WHOLE_NUMBER_TEMPLATE.exec(value);
        if (whole) return Number(lookup(whole[1], context, {}));
        return renderText(value, context, {});
    }
    if (Array.isArray(value)) return value.map((item)=>renderArguments(item, context));
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item])=>[
                key,
                renderArguments(item, context)
            ]));
    }
    return value;
}

//# sourceMappingURL=reply-planner.js.map