import { typeTestConverter } from '../internal/type_test.js';

export const definition = typeTestConverter('IsDouble', 'float', 'Tells whether a value is a float (ints are not).', [
  { code: 'IsDouble(1.0)', result: true },
  { code: 'IsDouble(1)', result: false },
  { code: 'IsDouble("1.5")', result: false },
]);
