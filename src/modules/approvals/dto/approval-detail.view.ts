import { ApiProperty } from '@nestjs/swagger';

import { APPROVAL_ACTION_EXAMPLE, ApprovalActionView } from './approval-action.view.js';

class TranscriptLineView {
  @ApiProperty({ enum: ['user', 'assistant'] })
  role!: 'user' | 'assistant';

  @ApiProperty()
  text!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

/** One action with the recent conversation it came from. */
export class ApprovalDetailView extends ApprovalActionView {
  @ApiProperty({ type: [TranscriptLineView], description: 'The last lines of the conversation' })
  transcript!: TranscriptLineView[];
}

export const APPROVAL_DETAIL_EXAMPLE: ApprovalDetailView = {
  ...APPROVAL_ACTION_EXAMPLE,
  transcript: [
    {
      role: 'user',
      text: 'Order 10042 arrived broken, I want my money back.',
      at: '2026-12-04T20:05:55.010Z',
    },
    {
      role: 'assistant',
      text: 'I have asked a colleague to approve the refund.',
      at: '2026-12-04T20:06:03.452Z',
    },
  ],
};
