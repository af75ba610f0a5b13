/**
 * Where Switchboard's OpenAI traffic goes: the real API with the configured key, or the built-in
 * simulator (started in-process) when no key is configured. Everything that talks to OpenAI
 * (REST client, sideband sockets) takes its URL and key from here.
 */
export abstract class OpenAIEndpoint {
  /** REST base URL including `/v1`, e.g. `https://api.openai.com/v1`. */
  abstract readonly baseUrl: string;
  abstract readonly apiKey: string;
  /** True when this is the built-in simulator, not OpenAI. */
  abstract readonly simulated: boolean;
}
