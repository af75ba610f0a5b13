import { DomainError } from '../../common/errors/domain.error.js';

export const DEMO_PAGE_ERROR_CODES = ['DEMO_SIGN_IN_OFF', 'UNKNOWN_DEMO_USER'] as const;
export type DemoPageErrorCode = (typeof DEMO_PAGE_ERROR_CODES)[number];

export class DemoSignInOffError extends DomainError<DemoPageErrorCode> {
  constructor() {
    super({
      code: 'DEMO_SIGN_IN_OFF',
      status: 404,
      title: 'Demo sign-in is off',
      detail:
        'This server signs nobody in as a demo user. For local development set SWITCHBOARD_DEMO_SIGN_IN=true (never in production), or paste a token from `npm run cli -- token`.',
    });
  }
}

export class UnknownDemoUserError extends DomainError<DemoPageErrorCode> {
  constructor(user: string, known: readonly string[]) {
    super({
      code: 'UNKNOWN_DEMO_USER',
      status: 400,
      title: 'Unknown demo user',
      detail: `There is no demo user "${user}". Demo users: ${known.join(', ')}.`,
    });
  }
}
