import { ApiProperty } from '@nestjs/swagger';

import type { RegisteredTool } from '../registered-tool.js';

export class ToolView {
  @ApiProperty({ example: 'lookup_order' })
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ description: 'JSON Schema of the arguments, as sent to the model' })
  parameters!: Record<string, unknown>;

  static of(tool: RegisteredTool): ToolView {
    return { name: tool.name, description: tool.description, parameters: tool.parameters };
  }
}
