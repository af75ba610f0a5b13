import type { OpenAIEndpoint } from './openai-endpoint.js';
import { responseTagOf, SidebandTags } from './sideband-tags.js';

const endpoint = (apiKey: string) =>
  ({ apiKey, baseUrl: 'http://localhost/v1', simulated: true }) as OpenAIEndpoint;

describe(SidebandTags.name, () => {
  const sut = new SidebandTags(endpoint('sk-test-key'));
  const output = { type: 'function_call_output', call_id: 'call_1', output: '{"ok":true}' };

  it('recognises its own item, with an id OpenAI accepts (at most 32 characters)', () => {
    const tagged = sut.tagItem('rtc_1', output);
    expect(tagged.id).toMatch(/^sb_[A-Za-z0-9_-]{24}$/);
    expect(sut.isOwnItem('rtc_1', tagged)).toBe(true);
  });

  it('refuses the same id on other content, in another call, or made up', () => {
    const tagged = sut.tagItem('rtc_1', output);
    expect(sut.isOwnItem('rtc_1', { ...tagged, output: '{"ok":false}' })).toBe(false);
    expect(sut.isOwnItem('rtc_1', { ...tagged, call_id: 'call_2' })).toBe(false);
    expect(sut.isOwnItem('rtc_2', tagged)).toBe(false);
    expect(sut.isOwnItem('rtc_1', { ...output, id: 'sb_AAAAAAAAAAAAAAAAAAAAAAAA' })).toBe(false);
    expect(sut.isOwnItem('rtc_1', { ...output, id: 'item_123' })).toBe(false);
    expect(sut.isOwnItem('rtc_1', output)).toBe(false);
  });

  it('binds a system message to its text', () => {
    const message = {
      type: 'message',
      role: 'system',
      content: [{ type: 'input_text', text: 'a' }],
    };
    const tagged = sut.tagItem('rtc_1', message);
    expect(sut.isOwnItem('rtc_1', tagged)).toBe(true);
    expect(
      sut.isOwnItem('rtc_1', { ...tagged, content: [{ type: 'input_text', text: 'b' }] }),
    ).toBe(false);
  });

  it('shares its key with every replica holding the same OpenAI key, and only with them', () => {
    const tagged = sut.tagItem('rtc_1', output);
    expect(new SidebandTags(endpoint('sk-test-key')).isOwnItem('rtc_1', tagged)).toBe(true);
    expect(new SidebandTags(endpoint('sk-other-key')).isOwnItem('rtc_1', tagged)).toBe(false);
  });

  it('tags responses per call; a tag is read back from metadata', () => {
    const metadata = sut.responseMetadata('rtc_1');
    expect(sut.isOwnResponse('rtc_1', { metadata })).toBe(true);
    expect(sut.isOwnResponse('rtc_2', { metadata })).toBe(false);
    expect(
      sut.isOwnResponse('rtc_1', { metadata: { switchboard: 'AAAAAAAA.AAAAAAAAAAAAAAAA' } }),
    ).toBe(false);
    expect(sut.isOwnResponse('rtc_1', { metadata: null })).toBe(false);
    expect(responseTagOf({ metadata })).toBe(metadata.switchboard);
    expect(responseTagOf(undefined)).toBeUndefined();
  });
});
