import type { Scenario } from './scenario.js';

/**
 * What `npm start` and `npm run simulator` use without `--scenario`: a small customer-service
 * demo that exercises text replies and the example tools (which exist once the tool registry lands).
 */
export const defaultScenario: Scenario = {
  name: 'default-demo',
  greeting: 'Hello! I am the Switchboard demo assistant. How can I help you today?',
  spokenTurns: [
    'Where is my order 1001?',
    'Please call me back tomorrow morning.',
    'Thank you, goodbye.',
  ],
  defaultTranscript: 'Can you say that again?',
  fallback: 'I am a simulated assistant. Ask me about an order, a refund or a callback.',
  noToolReply: 'Sorry, I am not able to do that for you.',
  rules: [
    {
      when: { regex: '\\border\\s*#?\\s*(\\d+)', flags: 'i' },
      callTools: [{ name: 'lookup_order', arguments: { orderNumber: '{{match.1}}' } }],
      afterTools: 'Here is what I found about your order: {{output.lookup_order}}',
    },
    {
      when: { regex: 'refund.*?(\\d+(?:\\.\\d+)?)', flags: 'i' },
      callTools: [
        { name: 'issue_refund', arguments: { orderNumber: '1001', amount: '{{match.1|number}}' } },
      ],
      afterTools: 'About your refund: {{output.issue_refund}}',
    },
    {
      when: { regex: 'call (me )?back', flags: 'i' },
      callTools: [{ name: 'schedule_callback', arguments: { when: 'tomorrow 09:00' } }],
      afterTools: 'Done: {{output.schedule_callback}}',
    },
    {
      when: { regex: '\\b(bye|goodbye|thanks|thank you)\\b', flags: 'i' },
      say: 'You are welcome. Goodbye!',
    },
    { when: { regex: '\\b(hello|hi|hey)\\b', flags: 'i' }, say: 'Hi there! How can I help?' },
  ],
};
