import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { IssueRefundInput } from '../../tools/issue-refund/issue-refund.input.js';
import { LookupOrderInput } from '../../tools/lookup-order/lookup-order.input.js';
import {
  CALLBACK_TOPICS,
  ScheduleCallbackInput,
} from '../../tools/schedule-callback/schedule-callback.input.js';
import { UpdateCustomerEmailInput } from '../../tools/update-customer-email/update-customer-email.input.js';
import { toolInputSchema } from './tool-schema.js';

type Schema = Record<string, unknown>;

enum Priority {
  Low = 'low',
  High = 'high',
}

class SchemaAddress {
  @IsString()
  @MinLength(2)
  @MaxLength(40)
  city!: string;

  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{5}$/)
  zip?: string;
}

class SchemaLine {
  @IsString()
  @Matches(/^[A-Z]{3}-[0-9]{3}$/)
  sku!: string;

  @IsInt()
  @Min(1)
  @Max(99)
  qty!: number;
}

class SchemaOrder {
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  title!: string;

  @IsInt()
  @Min(0)
  @Max(1000)
  count!: number;

  @ValidateNested()
  @Type(() => SchemaAddress)
  shipping!: SchemaAddress;

  /** The same DTO twice, side by side: not recursion. */
  @IsOptional()
  @ValidateNested()
  @Type(() => SchemaAddress)
  billing?: SchemaAddress;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SchemaLine)
  lines!: SchemaLine[];

  @IsArray()
  @IsIn(['red', 'green', 'blue'], { each: true })
  colours!: string[];

  @IsEnum(Priority)
  priority!: Priority;

  @IsOptional()
  @IsString()
  note?: string;
}

class SchemaTreeNode {
  @IsString()
  label!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => SchemaTreeNode)
  child?: SchemaTreeNode;
}

// Declared first: the array type emits no design:type reference to SchemaPing.
class SchemaPong {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SchemaPing)
  pings!: SchemaPing[];
}

class SchemaPing {
  @IsOptional()
  @ValidateNested()
  @Type(() => SchemaPong)
  pong?: SchemaPong;
}

class SchemaHoldsTree {
  @IsString()
  id!: string;

  @ValidateNested()
  @Type(() => SchemaTreeNode)
  tree!: SchemaTreeNode;
}

// Two different DTOs that happen to share a class name (e.g. `Contact` in two tool folders).
const FirstTwin = (() => {
  class SchemaTwin {
    @IsString()
    first!: string;
  }
  return SchemaTwin;
})();
const SecondTwin = (() => {
  class SchemaTwin {
    @IsInt()
    second!: number;
  }
  return SchemaTwin;
})();

class SchemaUndecorated {
  name!: string;
}

/** Every schema node (objects inside objects and arrays), with its path. */
function nodes(value: unknown, path = '#'): [string, Schema][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => nodes(item, `${path}/${i}`));
  if (!value || typeof value !== 'object') return [];
  return [
    [path, value as Schema],
    ...Object.entries(value).flatMap(([key, child]) => nodes(child, `${path}/${key}`)),
  ];
}

function property(schema: Schema, ...path: string[]): Schema {
  let current = schema;
  for (const key of path) {
    const next = key === '[]' ? current.items : (current.properties as Record<string, Schema>)[key];
    if (!next) throw new Error(`no ${key} in ${JSON.stringify(current)}`);
    current = next as Schema;
  }
  return current;
}

describe(toolInputSchema.name, () => {
  describe('a DTO using every supported feature', () => {
    const sut = toolInputSchema(SchemaOrder);

    it('is a closed object with the non-optional fields required', () => {
      expect(sut.type).toBe('object');
      expect(sut.additionalProperties).toBe(false);
      expect(Object.keys(sut.properties as Schema).sort()).toEqual(
        ['billing', 'colours', 'count', 'lines', 'note', 'priority', 'shipping', 'title'].sort(),
      );
      expect([...(sut.required as string[])].sort()).toEqual(
        ['colours', 'count', 'lines', 'priority', 'shipping', 'title'].sort(),
      );
    });

    it('is self-contained: no $ref and no definitions anywhere', () => {
      const offenders = nodes(sut).filter(
        ([, node]) => '$ref' in node || 'definitions' in node || '$defs' in node,
      );
      expect(offenders.map(([path]) => path)).toEqual([]);
      expect(JSON.stringify(sut)).not.toContain('#/definitions/');
    });

    it('closes every object that has properties', () => {
      const objects = nodes(sut).filter(([, node]) => node.type === 'object' && node.properties);
      // root, shipping, billing, lines[]
      expect(objects.map(([path]) => path)).toHaveLength(4);
      for (const [path, node] of objects)
        expect({ path, closed: node.additionalProperties }).toEqual({ path, closed: false });
    });

    it('inlines a nested DTO with its own required list and constraints', () => {
      const address = {
        type: 'object',
        properties: {
          city: { type: 'string', minLength: 2, maxLength: 40 },
          zip: { type: 'string', pattern: '^[0-9]{5}$' },
        },
        required: ['city'],
        additionalProperties: false,
      };
      expect(property(sut, 'shipping')).toEqual(address);
      expect(property(sut, 'billing')).toEqual(address);
    });

    it('inlines the element DTO of an array, with the array size limits', () => {
      expect(property(sut, 'lines')).toEqual({
        type: 'array',
        minItems: 1,
        maxItems: 20,
        items: {
          type: 'object',
          properties: {
            sku: { type: 'string', pattern: '^[A-Z]{3}-[0-9]{3}$' },
            qty: { type: 'integer', minimum: 1, maximum: 99 },
          },
          required: ['sku', 'qty'],
          additionalProperties: false,
        },
      });
    });

    it('describes an array of enum strings through items.enum', () => {
      expect(property(sut, 'colours')).toMatchObject({
        type: 'array',
        items: { type: 'string', enum: ['red', 'green', 'blue'] },
      });
    });

    it('lists the values of a TypeScript string enum', () => {
      expect(property(sut, 'priority')).toEqual({ type: 'string', enum: ['low', 'high'] });
    });

    it('keeps integer type and numeric bounds together', () => {
      expect(property(sut, 'count')).toEqual({ type: 'integer', minimum: 0, maximum: 1000 });
    });

    it('keeps string length limits', () => {
      expect(property(sut, 'title')).toEqual({ type: 'string', minLength: 1, maxLength: 60 });
      expect(property(sut, 'note')).toEqual({ type: 'string' });
    });
  });

  it('returns the same schema on every call', () => {
    expect(toolInputSchema(SchemaOrder)).toEqual(toolInputSchema(SchemaOrder));
  });

  it('gives a DTO without validation metadata an empty closed object', () => {
    expect(toolInputSchema(SchemaUndecorated)).toEqual({
      type: 'object',
      properties: {},
      additionalProperties: false,
    });
  });

  describe('recursive DTOs', () => {
    it('refuses a DTO that contains itself', () => {
      expect(() => toolInputSchema(SchemaTreeNode)).toThrow(/recursive/);
      expect(() => toolInputSchema(SchemaTreeNode)).toThrow(
        'Tool input SchemaTreeNode is recursive through SchemaTreeNode',
      );
    });

    it('refuses mutual recursion through an array of DTOs', () => {
      expect(() => toolInputSchema(SchemaPing)).toThrow(
        'Tool input SchemaPing is recursive through SchemaPing',
      );
    });

    it('refuses a DTO whose nested DTO is recursive', () => {
      expect(() => toolInputSchema(SchemaHoldsTree)).toThrow(
        'Tool input SchemaHoldsTree is recursive through SchemaTreeNode',
      );
    });
  });

  describe('DTO classes that share a name', () => {
    // class-validator-jsonschema keys definitions by class name, so two same-named classes would
    // be merged into one schema that fits neither; that is refused instead.
    it('refuses to build a schema from a class name two DTOs share', () => {
      expect(() => toolInputSchema(FirstTwin)).toThrow(/validated classes share; .*rename one/);
      expect(() => toolInputSchema(SecondTwin)).toThrow(/validated classes share/);
    });
  });

  describe('the demo tool inputs', () => {
    it.each([
      [LookupOrderInput.name, LookupOrderInput, ['orderNumber']],
      [UpdateCustomerEmailInput.name, UpdateCustomerEmailInput, ['customerId', 'email']],
      [IssueRefundInput.name, IssueRefundInput, ['orderNumber', 'amount', 'reason']],
      [ScheduleCallbackInput.name, ScheduleCallbackInput, ['when', 'contact', 'topics']],
    ])('%s is a closed object requiring its mandatory fields', (_name, dto, required) => {
      const sut = toolInputSchema(dto);
      expect(sut.type).toBe('object');
      expect(sut.additionalProperties).toBe(false);
      expect([...(sut.required as string[])].sort()).toEqual([...required].sort());
      expect(JSON.stringify(sut)).not.toContain('$ref');
    });

    it('carries the order number pattern and the refund bounds', () => {
      const refund = toolInputSchema(IssueRefundInput);
      expect(property(refund, 'orderNumber')).toMatchObject({
        type: 'string',
        pattern: '^[0-9]{4,10}$',
      });
      expect(property(refund, 'amount')).toMatchObject({
        type: 'number',
        minimum: 0.01,
        maximum: 10_000,
      });
      expect(property(refund, 'reason')).toMatchObject({ minLength: 3, maxLength: 200 });
    });

    it('inlines the callback contact and lists the topics', () => {
      const callback = toolInputSchema(ScheduleCallbackInput);
      expect(property(callback, 'contact')).toMatchObject({
        type: 'object',
        required: ['phone'],
        additionalProperties: false,
        properties: {
          phone: { type: 'string', pattern: '^\\+[1-9][0-9]{6,14}$' },
          name: { type: 'string', maxLength: 80 },
        },
      });
      expect(property(callback, 'topics')).toMatchObject({
        type: 'array',
        minItems: 1,
        maxItems: 3,
        uniqueItems: true,
        items: { type: 'string', enum: [...CALLBACK_TOPICS] },
      });
    });

    it('marks the new email address as an email', () => {
      expect(property(toolInputSchema(UpdateCustomerEmailInput), 'email')).toMatchObject({
        type: 'string',
        format: 'email',
        maxLength: 254,
      });
    });
  });
});
