import type { ValidationError } from '@nestjs/common';

import { flattenValidationErrors } from './validation.pipe.js';

describe(flattenValidationErrors.name, () => {
  it('addresses nested and array fields with JSON Pointers, escaping ~ and /', () => {
    const errors: ValidationError[] = [
      { property: 'name', constraints: { isString: 'name must be a string' }, children: [] },
      {
        property: 'items',
        children: [
          {
            property: '0',
            children: [
              {
                property: 'a/b~c',
                constraints: { min: 'a/b~c must not be less than 1' },
                children: [],
              },
            ],
          },
        ],
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { pointer: '/name', detail: 'name must be a string' },
      { pointer: '/items/0/a~1b~0c', detail: 'a/b~c must not be less than 1' },
    ]);
  });
});
