import { typeTestConverter } from '../internal/type_test.js';

export const definition = typeTestConverter('IsMap', 'map', 'Tells whether a value is a map.', [
  { code: 'IsMap({"a": 1})', result: true },
  { code: 'IsMap([])', result: false },
  { code: 'IsMap("{}")', result: false },
]);
