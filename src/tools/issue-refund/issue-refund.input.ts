import { IsNumber, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

export class IssueRefundInput {
  @JSONSchema({ description: 'The order to refund, e.g. 10042' })
  @IsString()
  @Matches(/^[0-9]{4,10}$/, { message: 'orderNumber must be 4 to 10 digits' })
  orderNumber!: string;

  @JSONSchema({ description: 'Amount in USD, at most what is left to refund on the order' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(10_000)
  amount!: number;

  @JSONSchema({ description: "The caller's reason, in a few words" })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  reason!: string;
}
