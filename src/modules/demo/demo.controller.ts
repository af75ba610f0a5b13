import {
  Body,
  Controller,
  Get,
  HttpCode,
  Logger,
  type OnApplicationBootstrap,
  Post,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Public } from '../../common/auth/auth.decorator.js';
import { lifetimeSeconds, signDevToken } from '../../common/auth/dev-token.js';
import {
  ApiProblemResponses,
  JSON_BODY_PROBLEMS,
} from '../../common/openapi/api-problem-responses.decorator.js';
import { AppConfig } from '../../config/app-config.js';
import { OpenAIEndpoint } from '../realtime/index.js';
import { DEMO_USERS, type DemoUser } from './demo-users.js';
import { DemoSignInOffError, UnknownDemoUserError } from './demo.errors.js';
import { DemoSignInDto } from './dto/demo-sign-in.dto.js';
import {
  DEMO_SETUP_EXAMPLE,
  DEMO_SIGN_IN_EXAMPLE,
  DemoSetupView,
  DemoSignInView,
} from './dto/demo.views.js';

/** A demo token lasts as long as a demo: an hour. */
const DEMO_TOKEN_LIFETIME = '1h';

/**
 * What the demo page (`/`) asks before it signs in: whether it may, as whom, and which agents it
 * can talk to. Registered only while the demo shop is on (SWITCHBOARD_DEMO); signing in also needs
 * SWITCHBOARD_DEMO_SIGN_IN=true, which the boot log announces, since anyone who can reach the
 * server then gets a user token.
 */
@ApiTags('demo')
@Public()
@Controller('v1/demo')
export class DemoController implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSignIn');

  constructor(
    private readonly config: AppConfig,
    private readonly endpoint: OpenAIEndpoint,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.demo.signIn) return;
    this.logger.warn(
      {
        users: DEMO_USERS.map((user) => user.id),
        openai: this.endpoint.simulated ? 'simulator' : 'real',
      },
      'SWITCHBOARD_DEMO_SIGN_IN is on: anyone who can reach this server can sign in as a demo user ' +
        '(POST /v1/demo/sign-in). For local development only; never in production.',
    );
  }

  @Get()
  @ApiOperation({ summary: 'The demo page’s setup: sign-in on or off, demo users, agents' })
  @ApiOkResponse({
    description: 'Demo users are listed only while demo sign-in is on',
    type: DemoSetupView,
    example: DEMO_SETUP_EXAMPLE,
  })
  @ApiProblemResponses()
  setup(): {
    signIn: boolean;
    simulator: boolean;
    users: readonly DemoUser[];
    agents: { name: string; api: 'realtime' | 'live' }[];
  } {
    return {
      signIn: this.config.demo.signIn,
      simulator: this.endpoint.simulated,
      users: this.config.demo.signIn ? DEMO_USERS : [],
      agents: Object.entries(this.config.sessions.agentProfiles).map(([name, profile]) => ({
        name,
        api: profile.api ?? 'realtime',
      })),
    };
  }

  @Post('sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Demo only: a one-hour user token for a seeded demo user' })
  @ApiOkResponse({
    description: 'The token, when it expires, and who it is for',
    type: DemoSignInView,
    example: DEMO_SIGN_IN_EXAMPLE,
  })
  @ApiProblemResponses(JSON_BODY_PROBLEMS, {
    400: ['UNKNOWN_DEMO_USER'],
    404: ['DEMO_SIGN_IN_OFF'],
  })
  async signIn(
    @Body() body: DemoSignInDto,
  ): Promise<{ token: string; expiresAt: string; user: DemoUser }> {
    if (!this.config.demo.signIn) throw new DemoSignInOffError();
    const user = DEMO_USERS.find((candidate) => candidate.id === body.user);
    if (!user)
      throw new UnknownDemoUserError(
        body.user,
        DEMO_USERS.map((known) => known.id),
      );
    const now = new Date();
    const token = await signDevToken(
      this.config.jwt,
      { user: user.id, tenant: user.tenant, roles: user.roles, expiresIn: DEMO_TOKEN_LIFETIME },
      now,
    );
    // As the token says it: whole seconds from its issue time.
    const exp = Math.floor(now.getTime() / 1000) + lifetimeSeconds(DEMO_TOKEN_LIFETIME);
    return { token, expiresAt: new Date(exp * 1000).toISOString(), user };
  }
}
