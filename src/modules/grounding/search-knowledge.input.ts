import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

export class SearchKnowledgeInput {
  @JSONSchema({ description: "What to look up, in the caller's words, e.g. 'return damaged item'" })
  @IsString()
  @Length(1, 500)
  query!: string;

  @JSONSchema({ description: 'How many snippets to return (1 to 5; 3 when absent)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  maxResults?: number;
}
