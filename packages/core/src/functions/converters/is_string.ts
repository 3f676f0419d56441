import { typeTestConverter } from '../internal/type_test.js';

export const definition = typeTestConverter('IsString', 'string', 'Tells whether a value is a string.', [
  { code: 'IsString("a")', result: true },
  { code: 'IsString(1)', result: false },
  { code: 'IsString(nil)', result: false },
]);
