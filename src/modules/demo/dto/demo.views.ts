import { ApiProperty } from '@nestjs/swagger';

import type { DemoUser } from '../demo-users.js';

export class DemoUserView implements DemoUser {
  @ApiProperty({ example: 'alice' })
  id!: string;

  @ApiProperty({ example: 'Alice Archer, customer of acme' })
  name!: string;

  @ApiProperty({ example: 'acme' })
  tenant!: string;

  @ApiProperty({ type: [String], example: ['customer'] })
  roles!: string[];

  @ApiProperty({ type: [String], description: 'What to say or type as this user' })
  tryThis!: string[];
}

export class DemoAgentView {
  @ApiProperty({ example: 'default' })
  name!: string;

  @ApiProperty({ enum: ['realtime', 'live'] })
  api!: 'realtime' | 'live';
}

export class DemoSetupView {
  @ApiProperty({
    description: 'Whether `POST /v1/demo/sign-in` signs anyone in (SWITCHBOARD_DEMO_SIGN_IN)',
  })
  signIn!: boolean;

  @ApiProperty({ description: 'Whether this server talks to the built-in simulator, not OpenAI' })
  simulator!: boolean;

  @ApiProperty({ type: [DemoUserView], description: 'Empty while sign-in is off' })
  users!: DemoUserView[];

  @ApiProperty({ type: [DemoAgentView] })
  agents!: DemoAgentView[];
}

export class DemoSignInView {
  @ApiProperty({ description: 'A one-hour app-user JWT for `Authorization: Bearer`' })
  token!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: DemoUserView })
  user!: DemoUserView;
}

const ALICE: DemoUserView = {
  id: 'alice',
  name: 'Alice Archer, customer of acme',
  tenant: 'acme',
  roles: ['customer'],
  tryThis: ['Where is my order 10042?'],
};

export const DEMO_SETUP_EXAMPLE: DemoSetupView = {
  signIn: true,
  simulator: true,
  users: [ALICE],
  agents: [
    { name: 'default', api: 'realtime' },
    { name: 'live', api: 'live' },
  ],
};

export const DEMO_SIGN_IN_EXAMPLE: DemoSignInView = {
  token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl',
  expiresAt: '2026-12-04T21:00:00.000Z',
  user: ALICE,
};
