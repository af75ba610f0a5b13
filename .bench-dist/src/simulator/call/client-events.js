import { OpenAIError } from '../protocol/openai-error.js';
import { applySessionUpdate, validateSessionConfig } from '../protocol/session-config.js';
import { audioFormatOf, decodeToPcm, sampleRateOf, silence } from './audio-format.js';
import { itemFromClient, itemNotFound } from './conversation.js';
import { assertDeliverable, fitsEverySink } from './event-delivery.js';
import { startResponse } from './response-run.js';
function requireString(event, field) {
    const value = event[field];
    if (typeof value !== 'string' || value === '') {
        throw OpenAIError.invalidRequest(`Missing required parameter: '${field}'.`, 'missing_required_parameter', field);
    }
    return value;
}
function requireNonNegativeInteger(event, field) {
    const value = event[field];
    if (value === undefined) throw OpenAIError.invalidRequest(`Missing required parameter: '${field}'.`, 'missing_required_parameter', field);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw OpenAIError.invalidRequest(`Invalid value for '${field}': expected a non-negative integer.`, 'invalid_value', field);
    return value;
}
/** A copy of `item` whose audio parts carry their audio (silence of the item's duration). */ function itemWithAudio(call, item) {
    const { userAudioMs, assistantAudioMs } = call.conversation.audioOf(item.id);
    const { input, output } = call.session.audio;
    const content = item.content?.map((part)=>{
        if (part.type === 'input_audio') return {
            ...part,
            audio: silence(audioFormatOf(input.format), userAudioMs).toString('base64')
        };
        if (part.type === 'output_audio') return {
            ...part,
            audio: silence(audioFormatOf(output.format), assistantAudioMs).toString('base64')
        };
        return part;
    });
    return content ? {
        ...item,
        content
    } : item;
}
function mediaOnly(call, type) {
    if (call.kind === 'websocket') {
        throw OpenAIError.invalidRequest(`'${type}' is only supported on WebRTC and SIP calls.`, 'invalid_value', 'type');
    }
}
/** Every GA client event, by type. */ const HANDLERS = {
    'session.update': (call, event)=>{
        const patch = validateSessionConfig(event.session, 'session');
        const session = applySessionUpdate(call.session, patch, {
            hasProducedAudio: call.hasProducedAudio
        });
        assertDeliverable(call.sinks, {
            type: 'session.updated',
            session
        }, 'session');
        const turnDetectionChanged = JSON.stringify(session.audio.input.turn_detection) !== JSON.stringify(call.session.audio.input.turn_detection);
        call.session = session;
        call.vad.configure(call.session.audio.input.turn_detection);
        call.emit({
            type: 'session.updated',
            session: call.session
        });
        if (turnDetectionChanged) call.spoken.turnDetectionChanged();
    },
    'conversation.item.create': (call, event)=>{
        const item = itemFromClient(event.item, call.conversation);
        const requested = event.previous_item_id;
        // The echo's previous_item_id is at most as long as the requested one or the last item's id.
        const longestPrevious = requested ?? call.conversation.lastItemId();
        const echo = {
            type: 'conversation.item.added',
            previous_item_id: longestPrevious,
            item
        };
        assertDeliverable(call.sinks, echo, 'item');
        const previous = call.conversation.insert(item, requested);
        call.emit({
            type: 'conversation.item.added',
            previous_item_id: previous,
            item
        });
        call.emit({
            type: 'conversation.item.done',
            previous_item_id: previous,
            item
        });
    },
    'conversation.item.retrieve': (call, event)=>{
        const itemId = requireString(event, 'item_id');
        const item = call.conversation.get(itemId);
        if (!item) throw itemNotFound(itemId);
        // With its audio, as the real API returns it (in the session's formats, sized to the audio
        // the item stands for); without, where that would not fit one of the call's connections.
        const withAudio = {
            type: 'conversation.item.retrieved',
            item: itemWithAudio(call, item)
        };
        call.emit(fitsEverySink(call.sinks, withAudio) ? withAudio : {
            type: 'conversation.item.retrieved',
            item
        });
    },
    'conversation.item.delete': (call, event)=>{
        const itemId = requireString(event, 'item_id');
        call.conversation.delete(itemId);
        call.emit({
            type: 'conversation.item.deleted',
            item_id: itemId
        });
    },
    'conversation.item.truncate': (call, event)=>{
        const itemId = requireString(event, 'item_id');
        const contentIndex = requireNonNegativeInteger(event, 'content_index');
        const audioEndMs = requireNonNegativeInteger(event, 'audio_end_ms');
        call.conversation.truncate(itemId, contentIndex, audioEndMs, call.options.speechMsPerChar);
        call.emit({
            type: 'conversation.item.truncated',
            item_id: itemId,
            content_index: contentIndex,
            audio_end_ms: audioEndMs
        });
    },
    'input_audio_buffer.append': (call, event)=>{
        if (call.kind !== 'websocket') {
            throw OpenAIError.invalidRequest("'input_audio_buffer.append' is not supported on WebRTC or SIP calls; audio travels on the media track.", 'invalid_value', 'type');
        }
        // In the session's input format (PCM16 at its rate, or G.711 at 8 kHz), as the real API reads it.
        const format = audioFormatOf(call.session.audio.input.format);
        const bytes = Buffer.from(requireString(event, 'audio'), 'base64');
        call.spoken.pushAudio(decodeToPcm(format, bytes), sampleRateOf(format));
    },
    'input_audio_buffer.commit': (call)=>call.spoken.commitBuffer(),
    'input_audio_buffer.clear': (call)=>call.spoken.clearBuffer(),
    'output_audio_buffer.clear': (call, event)=>{
        mediaOnly(call, String(event.type));
        call.stopAudio();
    },
    'response.create': (call, event)=>{
        if (call.activeResponse) {
            throw OpenAIError.invalidRequest(`Conversation already has an active response in progress: ${call.activeResponse.id}. Wait until the response is finished before creating a new one.`, 'conversation_already_has_active_response');
        }
        startResponse(call, event.response ?? {});
    },
    'response.cancel': (call, event)=>{
        const active = call.activeResponse;
        if (!active || event.response_id !== undefined && event.response_id !== active.id) {
            throw OpenAIError.invalidRequest('Cancellation failed: no active response found.', 'response_cancel_not_active');
        }
        active.cancel('client_cancelled');
    }
};
export function dispatchClientEvent(call, event, via) {
    if (typeof event.type !== 'string') {
        throw OpenAIError.invalidRequest("The 'type' field is missing.", 'invalid_event');
    }
    const handler = HANDLERS[event.type];
    if (!handler) {
        throw OpenAIError.invalidRequest(`Invalid value: '${event.type}'. Supported values are: ${Object.keys(HANDLERS).map((t)=>`'${t}'`).join(', ')}.`, 'invalid_value', 'type');
    }
    handler(call, event, via);
}

//# sourceMappingURL=client-events.js.map