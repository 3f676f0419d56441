import { PSlice, type AttrValue } from '@ottl/pdata';
import { compareStrings } from '../../types/compare.js';
import { goFmtType, goTypeName, toAttrValue, valueAsString } from '../../types/convert.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlCreateError, OttlError, type Value } from '../../types/values.js';

type SortKey = 'int' | 'double' | 'str';

/**
 * How a list is compared (upstream `findCommonValueType`): ints as ints, ints and floats as
 * floats, anything with a string, bool or Empty by string form; undefined when an element is a
 * map, list or bytes (such a list is returned unsorted).
 */
function sortKeyOf(items: readonly AttrValue[]): SortKey | undefined {
  const first = typeof items[0] === 'bigint' ? 'int' : typeof items[0] === 'number' ? 'double' : 'str';
  let mixedNumbers = false;
  let strings = false;
  for (const v of items) {
    if (typeof v === 'bigint') mixedNumbers ||= first === 'double';
    else if (typeof v === 'number') mixedNumbers ||= first === 'int';
    else if (v === null || typeof v === 'string' || typeof v === 'boolean') strings = true;
    else return undefined;
  }
  return strings ? 'str' : mixedNumbers ? 'double' : first;
}

function compareNumbers(a: number, b: number): number {
  // Go's cmp.Compare: NaN sorts before every other number and equals itself.
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparator(key: SortKey): (a: AttrValue, b: AttrValue) => number {
  switch (key) {
    case 'int':
      return (a, b) => ((a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0);
    case 'double':
      return (a, b) => compareNumbers(Number(a), Number(b));
    case 'str':
      return (a, b) => compareStrings(valueAsString(a), valueAsString(b));
  }
}

function sortItems(items: AttrValue[], descending: boolean): AttrValue[] {
  if (items.length === 0) return items;
  const key = sortKeyOf(items);
  if (key === undefined) return items;
  const cmp = comparator(key);
  return items.sort(descending ? (a, b) => cmp(b, a) : cmp);
}

/** The elements of a list as pdata values; a JS array holding a value pdata cannot store fails. */
function elements(v: Value): AttrValue[] {
  if (v instanceof PSlice) return v.toArray();
  if (Array.isArray(v)) {
    return (v as readonly Value[]).map((item) => {
      const a = toAttrValue(item);
      if (a === undefined) {
        throw new OttlError(
          `sort with unsupported type: '[]interface {}'. Target is not a list of primitive types; <Invalid value type ${goTypeName(item)}>`,
        );
      }
      return a;
    });
  }
  throw new OttlError(`sort with unsupported type: '${goFmtType(v)}'. Target is not a list`);
}

export const definition: FunctionDef = {
  name: 'Sort',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'any' }, description: 'the list to sort' },
    { name: 'order', kind: { kind: 'literal', type: 'string' }, optional: true, default: '"asc"', description: '`asc` or `desc`' },
  ],
  returns: 'list',
  doc: {
    category: 'collection',
    summary: 'Sorts a list of scalars.',
    description:
      'Ints sort as ints and floats as floats; a mix of ints and floats sorts numerically; a list ' +
      'holding any string, bool or Empty value sorts by the string form of every element. Elements ' +
      'keep their types. Equal elements keep their order. A list holding a map, list or bytes is ' +
      'returned unsorted.',
    returns: 'a new sorted list',
    failures: ['an order other than `asc` or `desc` (when the statement is parsed)', 'the target is not a list'],
    examples: [
      { code: 'Sort([3, 1, 2])', result: [1, 2, 3] },
      { code: 'Sort([2, 1.5, 10], "desc")', result: [10, 2, { $double: 1.5 }] },
      { code: 'Sort([1, "two", 3.3, false])', result: [1, { $double: 3.3 }, false, 'two'] },
    ],
  },
  create(args) {
    const target = args[0] as Getter;
    const order = (args[1] as string | undefined) ?? 'asc';
    if (order !== 'asc' && order !== 'desc') {
      throw new OttlCreateError(`invalid arguments: ${order}. Order should be either "asc" or "desc"`);
    }
    const descending = order === 'desc';
    return (ctx) => sortItems(elements(target.get(ctx)), descending);
  },
};
