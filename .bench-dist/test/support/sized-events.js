/** Client events padded so that their JSON text is exactly `bytes` long (UTF-8). */ /** A user text message `conversation.item.create` with item id `id`. */ export function itemCreateOfSize(bytes, id) {
    return padded(bytes, (pad)=>({
            type: 'conversation.item.create',
            item: {
                id,
                type: 'message',
                role: 'user',
                content: [
                    {
                        type: 'input_text',
                        text: pad
                    }
                ]
            }
        }));
}
/** An `input_audio_buffer.append` of silence (`A` is base64 for zero bits). */ export function audioAppendOfSize(bytes) {
    return padded(bytes, (pad)=>({
            type: 'input_audio_buffer.append',
            audio: pad
        }));
}
function padded(bytes, build) {
    const overhead = Buffer.byteLength(JSON.stringify(build('')));
    if (bytes < overhead) throw new Error(`an event of this shape needs at least ${overhead} bytes`);
    const event = build('A'.repeat(bytes - overhead));
    if (Buffer.byteLength(JSON.stringify(event)) !== bytes) throw new Error('padding is off');
    return event;
}

//# sourceMappingURL=sized-events.js.map