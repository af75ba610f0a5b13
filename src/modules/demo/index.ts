/** The public face of the demo module: the demo page's sign-in and setup. */
export * from './demo.module.js';
export * from './demo.errors.js';
export { DEMO_USERS, type DemoUser } from './demo-users.js';
