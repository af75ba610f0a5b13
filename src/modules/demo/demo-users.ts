/**
 * The people of the demo shop's seed (src/tools/migrations), as the demo page offers them: three
 * customers in two tenants, and a support agent of `acme` who may issue refunds (above
 * SWITCHBOARD_DEMO_REFUND_APPROVAL_ABOVE_USD they wait for an approver).
 */
export interface DemoUser {
  readonly id: string;
  readonly name: string;
  readonly tenant: string;
  readonly roles: readonly string[];
  /** What to try as this user, shown on the page. */
  readonly tryThis: readonly string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 'alice',
    name: 'Alice Archer, customer of acme',
    tenant: 'acme',
    roles: ['customer'],
    tryThis: [
      'Where is my order 10042?',
      'Please call me back tomorrow about the delivery.',
      'How long do refunds take? (searches what editors uploaded)',
    ],
  },
  {
    id: 'bob',
    name: 'Bob Baker, customer of acme',
    tenant: 'acme',
    roles: ['customer'],
    tryThis: ['Where is my order 20001?', 'Where is order 10042? (Alice’s: refused)'],
  },
  {
    id: 'carol',
    name: 'Carol Chen, customer of globex',
    tenant: 'globex',
    roles: ['customer'],
    tryThis: ['Where is my order 30001?'],
  },
  {
    id: 'sam',
    name: 'Sam Support, agent at acme',
    tenant: 'acme',
    roles: ['agent'],
    tryThis: ['Refund 20 for order 10042', 'Refund 150 for order 10043 (waits for an approver)'],
  },
];
