import { typeTestConverter } from '../internal/type_test.js';

export const definition = typeTestConverter('IsBool', 'bool', 'Tells whether a value is a boolean.', [
  { code: 'IsBool(false)', result: true },
  { code: 'IsBool("true")', result: false },
  { code: 'IsBool(nil)', result: false },
]);
