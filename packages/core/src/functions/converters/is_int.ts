import { typeTestConverter } from '../internal/type_test.js';

export const definition = typeTestConverter('IsInt', 'int', 'Tells whether a value is an int (floats are not).', [
  { code: 'IsInt(3)', result: true },
  { code: 'IsInt(3.0)', result: false },
  { code: 'IsInt("3")', result: false },
]);
