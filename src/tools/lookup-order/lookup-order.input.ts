import { IsString, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

export class LookupOrderInput {
  @JSONSchema({ description: 'The order number the caller reads out, e.g. 10042' })
  @IsString()
  @Matches(/^[0-9]{4,10}$/, { message: 'orderNumber must be 4 to 10 digits' })
  orderNumber!: string;
}
