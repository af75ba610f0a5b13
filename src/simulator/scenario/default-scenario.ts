import type { Scenario } from './scenario.js';

/**
 * What `npm start` and `npm run simulator` use without `--scenario`: a customer of the demo shop
 * (seeded: Alice's orders 10042 and 10043 in tenant `acme`) asking what its tools answer, so a
 * newcomer's first call succeeds end to end; a question about a policy searches the knowledge base.
 */
export const defaultScenario: Scenario = {
  name: 'default-demo',
  greeting: 'Hello! I am the Switchboard demo assistant. How can I help you today?',
  spokenTurns: [
    'Where is my order 10042?',
    'Please call me back tomorrow about the delivery.',
    'Thank you, goodbye.',
  ],
  defaultTranscript: 'Can you say that again?',
  fallback: 'I am a simulated assistant. Ask me about an order, a refund or a callback.',
  noToolReply: 'Sorry, I am not able to do that for you.',
  rules: [
    {
      when: { regex: 'refund\\D*(\\d+(?:\\.\\d+)?)\\D+?order\\s*#?\\s*(\\d{4,10})', flags: 'i' },
      callTools: [
        {
          name: 'issue_refund',
          arguments: {
            orderNumber: '{{match.2}}',
            amount: '{{match.1|number}}',
            reason: 'The caller asked for it on the phone',
          },
        },
      ],
      afterTools: 'About your refund: {{output.issue_refund}}',
    },
    {
      // A question for the help centre: the whole utterance is the search (knowledge the editors
      // uploaded; the page shows its citations).
      when: { regex: '^.*\\b(how long|policy|policies)\\b.*$', flags: 'i' },
      callTools: [{ name: 'search_knowledge', arguments: { query: '{{match.0}}' } }],
      afterTools: 'From our help centre: {{output.search_knowledge}}',
    },
    {
      when: { regex: '\\border\\s*#?\\s*(\\d+)', flags: 'i' },
      callTools: [{ name: 'lookup_order', arguments: { orderNumber: '{{match.1}}' } }],
      afterTools: 'Here is what I found about your order: {{output.lookup_order}}',
    },
    {
      when: { regex: 'call (me )?back', flags: 'i' },
      callTools: [
        {
          name: 'schedule_callback',
          arguments: {
            when: '{{hoursFromNow.20}}',
            contact: { phone: '+14155550123' },
            topics: ['delivery'],
          },
        },
      ],
      afterTools: 'Done: {{output.schedule_callback}}',
    },
    {
      when: { regex: '\\b(bye|goodbye|thanks|thank you)\\b', flags: 'i' },
      say: 'You are welcome. Goodbye!',
    },
    { when: { regex: '\\b(hello|hi|hey)\\b', flags: 'i' }, say: 'Hi there! How can I help?' },
  ],
};
