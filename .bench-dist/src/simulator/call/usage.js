import { textOf } from './conversation.js';
/**
 * Deterministic token counts, so tests can assert costs exactly:
 * text = ceil(characters / 4); user audio = 1 token per 100 ms; assistant audio = 1 token per 50 ms
 * (OpenAI's published audio rates). The whole conversation is input to every response, as in the
 * real API; the part the previous response already read counts as cached, in blocks of 64 tokens.
 */ export const textTokens = (text)=>Math.ceil(text.length / 4);
export const userAudioTokens = (ms)=>Math.round(ms / 100);
export const assistantAudioTokens = (ms)=>Math.round(ms / 50);
/** Tokens of everything a response reads: instructions plus every item so far. */ export function countInput(instructions, conversation) {
    let text = textTokens(instructions);
    let audio = 0;
    for (const item of conversation.list()){
        const { userAudioMs, assistantAudioMs } = conversation.audioOf(item.id);
        audio += userAudioTokens(userAudioMs) + assistantAudioTokens(assistantAudioMs);
        if (item.type === 'function_call') text += textTokens(`${item.name ?? ''}${item.arguments ?? ''}`);
        else if (item.type === 'function_call_output') text += textTokens(item.output ?? '');
        else if (userAudioMs === 0 && assistantAudioMs === 0) text += textTokens(textOf(item));
    }
    return {
        text,
        audio
    };
}
const cachedBlock = (now, before)=>Math.floor(Math.min(now, before) / 64) * 64;
export function buildUsage(input, previousInput, output) {
    const cachedText = previousInput ? cachedBlock(input.text, previousInput.text) : 0;
    const cachedAudio = previousInput ? cachedBlock(input.audio, previousInput.audio) : 0;
    const inputTokens = input.text + input.audio;
    const outputTokens = output.text + output.audio;
    return {
        total_tokens: inputTokens + outputTokens,
        input_tokens: inputTokens,
        output_tokens: outputTokens,
        input_token_details: {
            text_tokens: input.text,
            audio_tokens: input.audio,
            image_tokens: 0,
            cached_tokens: cachedText + cachedAudio,
            cached_tokens_details: {
                text_tokens: cachedText,
                audio_tokens: cachedAudio,
                image_tokens: 0
            }
        },
        output_token_details: {
            text_tokens: output.text,
            audio_tokens: output.audio
        }
    };
}

//# sourceMappingURL=usage.js.map