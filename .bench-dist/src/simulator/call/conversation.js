import { ids } from '../ids.js';
import { OpenAIError } from '../protocol/openai-error.js';
/** The ordered items of one call's default conversation. */ export class Conversation {
    list() {
        return this.items;
    }
    get(itemId) {
        return this.items.find((item)=>item.id === itemId);
    }
    audioOf(itemId) {
        return this.audio.get(itemId) ?? {
            userAudioMs: 0,
            assistantAudioMs: 0
        };
    }
    lastItemId() {
        return this.items.at(-1)?.id ?? null;
    }
    /** Inserts after `previousItemId` (`"root"` = first; absent = last); returns the previous id. */ insert(item, previousItemId, audio) {
        if (this.get(item.id)) {
            throw OpenAIError.invalidRequest(`Item with id '${item.id}' already exists.`, 'duplicate_item_id', 'item.id');
        }
        let index = this.items.length;
        if (previousItemId === 'root') index = 0;
        else if (previousItemId) {
            const found = this.items.findIndex((existing)=>existing.id === previousItemId);
            if (found < 0) {
                throw OpenAIError.invalidRequest(`Item with item_id '${previousItemId}' not found.`, 'item_not_found', 'previous_item_id');
            }
            index = found + 1;
        }
        this.items.splice(index, 0, item);
        if (audio) this.audio.set(item.id, audio);
        return index === 0 ? null : this.items[index - 1].id;
    }
    setAudio(itemId, audio) {
        this.audio.set(itemId, audio);
    }
    /**
   * `conversation.item.truncate`: the assistant's audio ends at `audioEndMs` (what the caller
   * heard), and the transcript keeps only what was said by then, so the model never reads words
   * the caller did not hear. Checked first, as the real API does: an audio part at `contentIndex`,
   * and no cut past the audio there is.
   */ truncate(itemId, contentIndex, audioEndMs, msPerChar) {
        const item = this.get(itemId);
        if (!item) throw itemNotFound(itemId);
        if (item.role !== 'assistant') throw OpenAIError.invalidRequest('Only assistant messages can be truncated.', 'invalid_value', 'item_id');
        const part = item.content?.[contentIndex];
        if (part?.type !== 'output_audio') throw OpenAIError.invalidRequest(`Content index ${contentIndex} of item '${itemId}' is not audio.`, 'invalid_value', 'content_index');
        const { assistantAudioMs } = this.audioOf(itemId);
        if (audioEndMs > assistantAudioMs) throw OpenAIError.invalidRequest(`Audio content of ${Math.round(assistantAudioMs)}ms is already shorter than ${audioEndMs}ms`, 'invalid_value', 'audio_end_ms');
        const heard = msPerChar > 0 ? Math.floor(audioEndMs / msPerChar) : part.transcript.length;
        part.transcript = part.transcript.slice(0, heard);
        this.audio.set(itemId, {
            userAudioMs: 0,
            assistantAudioMs: audioEndMs
        });
        this.truncated.add(itemId);
    }
    isTruncated(itemId) {
        return this.truncated.has(itemId);
    }
    delete(itemId) {
        const index = this.items.findIndex((item)=>item.id === itemId);
        if (index < 0) throw itemNotFound(itemId);
        this.items.splice(index, 1);
        this.audio.delete(itemId);
        this.truncated.delete(itemId);
    }
    /** The function call a `function_call_output` answers, if the model made it. */ functionCall(callId) {
        return this.items.find((item)=>item.type === 'function_call' && item.call_id === callId);
    }
    outputFor(callId) {
        return this.items.find((item)=>item.type === 'function_call_output' && item.call_id === callId);
    }
    /** User turns so far, as text (typed text or the spoken turn's transcript). */ userTurns() {
        return this.items.filter((item)=>item.type === 'message' && item.role === 'user').map((item)=>({
                item,
                text: textOf(item)
            }));
    }
    constructor(){
        this.id = ids.conversation();
        this.items = [];
        this.audio = new Map();
        this.truncated = new Set();
    }
}
export function itemNotFound(itemId) {
    return OpenAIError.invalidRequest(`Item with item_id '${itemId}' not found.`, 'item_not_found', 'item_id');
}
export function textOf(item) {
    return (item.content ?? []).map((part)=>'text' in part ? part.text : 'transcript' in part ? part.transcript ?? '' : '').join(' ').trim();
}
/**
 * Validates a client-supplied item (`conversation.item.create`) and returns it in full form.
 * A `function_call_output` must answer a function call present in the conversation: the GA API
 * does not document this check, so the simulator takes the stricter side.
 */ export function itemFromClient(raw, conversation) {
    if (typeof raw !== 'object' || raw === null) {
        throw OpenAIError.invalidRequest("Missing required parameter: 'item'.", 'missing_required_parameter', 'item');
    }
    const item = raw;
    const base = {
        id: typeof item.id === 'string' && item.id ? item.id : ids.item(),
        object: 'realtime.item',
        status: 'completed'
    };
    switch(item.type){
        case 'message':
            return {
                ...base,
                type: 'message',
                ...messageFields(item)
            };
        case 'function_call':
            requireStrings(item, [
                'call_id',
                'name',
                'arguments'
            ]);
            return {
                ...base,
                type: 'function_call',
                call_id: item.call_id,
                name: item.name,
                arguments: item.arguments
            };
        case 'function_call_output':
            {
                requireStrings(item, [
                    'call_id',
                    'output'
                ]);
                const callId = item.call_id;
                if (!conversation.functionCall(callId)) {
                    throw OpenAIError.invalidRequest(`No tool call found for function call output with call_id '${callId}'.`, 'invalid_value', 'item.call_id');
                }
                return {
                    ...base,
                    type: 'function_call_output',
                    call_id: callId,
                    output: item.output
                };
            }
        default:
            throw OpenAIError.invalidRequest(`Invalid value: '${String(item.type)}'. Supported values are: 'message', 'function_call' and 'function_call_output'.`, 'invalid_value', 'item.type');
    }
}
const CONTENT_BY_ROLE = {
    user: [
        'input_text',
        'input_audio',
        'input_image'
    ],
    system: [
        'input_text'
    ],
    assistant: [
        'output_text',
        'output_audio'
    ]
};
function messageFields(item) {
    const role = item.role;
    if (!CONTENT_BY_ROLE[role]) {
        throw OpenAIError.invalidRequest(`Invalid value: '${String(role)}'. Supported values are: 'user', 'assistant' and 'system'.`, 'invalid_value', 'item.role');
    }
    if (!Array.isArray(item.content)) {
        throw OpenAIError.invalidRequest("Missing required parameter: 'item.content'.", 'missing_required_parameter', 'item.content');
    }
    const content = item.content.map((part, index)=>{
        if (!CONTENT_BY_ROLE[role].includes(part?.type)) {
            throw OpenAIError.invalidRequest(`Invalid value: '${String(part?.type)}'. Supported values for role '${role}' are: ${CONTENT_BY_ROLE[role].join(', ')}.`, 'invalid_value', `item.content[${index}].type`);
        }
        return part;
    });
    return {
        role: role,
        content
    };
}
function requireStrings(item, fields) {
    for (const field of fields){
        if (typeof item[field] !== 'string') {
            throw OpenAIError.invalidRequest(`Missing required parameter: 'item.${field}'.`, 'missing_required_parameter', `item.${field}`);
        }
    }
}

//# sourceMappingURL=conversation.js.map