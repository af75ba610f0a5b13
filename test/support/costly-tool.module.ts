import { Injectable, Module } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';

import { Tool } from '../../src/modules/tools/tool.decorator.js';
import type { ToolHandler } from '../../src/modules/tools/tool-options.js';

class ReportInput {
  @IsString()
  @MaxLength(20)
  topic!: string;
}

/** Every topic `expensive_report` ran for, in order: a test reads whether it ran. */
export const expensiveReports: string[] = [];

/** A tool marked `costly`: withdrawn near the budget. Customers may use it. */
@Tool({
  name: 'expensive_report',
  description: 'A costly fixture tool.',
  input: ReportInput,
  roles: ['customer'],
  costly: true,
})
@Injectable()
class ExpensiveReportTool implements ToolHandler<ReportInput, { rows: number }> {
  execute(input: ReportInput) {
    expensiveReports.push(input.topic);
    return { rows: 3 };
  }
}

@Module({ providers: [ExpensiveReportTool] })
export class CostlyToolModule {}
