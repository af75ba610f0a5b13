import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

export class UpdateCustomerEmailInput {
  @JSONSchema({ description: 'The customer id, e.g. cus_alice' })
  @IsString()
  @Matches(/^cus_[a-z0-9_]{1,40}$/, { message: 'customerId must look like cus_alice' })
  customerId!: string;

  @JSONSchema({ description: 'The new email address, spelled back to the caller first' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;
}
