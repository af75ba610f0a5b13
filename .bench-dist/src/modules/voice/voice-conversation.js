/**
 * The port through which governance speaks into a live call, on the replica that holds its control
 * channel: answer the model's tool calls and tell the caller something. The voice API's adapter
 * decides how (for Realtime: tagged conversation items, then one server-started response).
 */ export class VoiceConversation {
}

//# sourceMappingURL=voice-conversation.js.map