/**
 * Where Switchboard's OpenAI traffic goes: the real API with the configured key, or the built-in
 * simulator (started in-process) when no key is configured. Everything that talks to OpenAI
 * (REST client, sideband sockets) takes its URL and key from here.
 */ export class OpenAIEndpoint {
}

//# sourceMappingURL=openai-endpoint.js.map