import { PMap, PSlice, type AttrValue } from '@ottl/pdata';
import { toPdataValue } from '../../contexts/keys.js';
import { goFmtType, isPlainObject, listItems } from '../../types/convert.js';
import { goFormatValue } from '../../types/math.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlCreateError, OttlError, type Value } from '../../types/values.js';

type MapLike = PMap | Readonly<Record<string, Value>>;

function asMap(v: Value | AttrValue): MapLike | undefined {
  return v instanceof PMap || isPlainObject(v) ? v : undefined;
}

function field(m: MapLike, key: string): Value | undefined {
  if (m instanceof PMap) return m.get(key);
  return Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
}

/** The value at `path` inside `m`; throws `provided object does not contain the path [a b]`. */
function extract(m: MapLike, path: readonly string[]): Value {
  const v = field(m, path[0]!);
  if (v === undefined) throw new Error(`provided object does not contain the path [${path.join(' ')}]`);
  if (path.length === 1) return v;
  const inner = asMap(v);
  if (inner === undefined) throw new Error(`provided object does not contain the path [${path.join(' ')}]`);
  return extract(inner, path.slice(1));
}

export const definition: FunctionDef = {
  name: 'SliceToMap',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'any' }, description: 'the list to convert' },
    {
      name: 'keyPath',
      kind: { kind: 'literalList', type: 'string' },
      optional: true,
      description: 'where the (string) key sits inside each element; without it the index is the key',
    },
    {
      name: 'valuePath',
      kind: { kind: 'literalList', type: 'string' },
      optional: true,
      description: 'where the stored value sits inside each element; without it the whole element',
    },
  ],
  returns: 'map',
  doc: {
    category: 'collection',
    summary: 'Turns a list into a map, keyed by a field of each element or by its index.',
    failures: [
      'an empty `keyPath` (when the statement is parsed)',
      'the target is not a list',
      'with a path: an element that is not a map, a path an element lacks, or a key that is not a string',
    ],
    examples: [
      {
        code: 'SliceToMap([{"name": "a", "v": 1}, {"name": "b", "v": 2}], ["name"], ["v"])',
        result: { a: 1, b: 2 },
      },
      { code: 'SliceToMap(["x", "y"])', result: { '0': 'x', '1': 'y' } },
      {
        code: 'SliceToMap([{"name": "a"}], ["id"])',
        error: 'could not extract key from element 0: provided object does not contain the path [id]',
      },
    ],
  },
  create(args) {
    const target = args[0] as Getter;
    const keyPath = args[1] as readonly string[] | undefined;
    const valuePath = args[2] as readonly string[] | undefined;
    if (keyPath !== undefined && keyPath.length === 0) throw new OttlCreateError('key path must contain at least one element');
    if (valuePath !== undefined && valuePath.length === 0) {
      throw new OttlCreateError('value path must contain at least one element');
    }
    return (ctx) => {
      const v = target.get(ctx);
      if (!(v instanceof PSlice || Array.isArray(v))) {
        throw new OttlError(`unsupported type provided to SliceToMap function: ${goFmtType(v)}`);
      }
      const out = new PMap();
      listItems(v).forEach((elem, i) => {
        const m = asMap(elem);
        let key = String(i);
        let value: Value = elem;
        if (keyPath !== undefined) {
          if (m === undefined) {
            throw new OttlError(
              `slice elements must be maps when using \`key_path\`, but could not cast element '${goFormatValue(elem)}' to a map`,
            );
          }
          let k: Value;
          try {
            k = extract(m, keyPath);
          } catch (e) {
            throw new OttlError(`could not extract key from element ${i}: ${(e as Error).message}`);
          }
          if (typeof k !== 'string') throw new OttlError(`element ${i}: extracted key attribute is not of type string`);
          key = k;
        }
        if (valuePath !== undefined) {
          if (m === undefined) throw new OttlError(`element ${i}: cannot extract value, not a map-like structure`);
          try {
            value = extract(m, valuePath);
          } catch (e) {
            throw new OttlError(`could not extract value from element ${i}: ${(e as Error).message}`);
          }
        }
        out.set(key, toPdataValue(value));
      });
      return out;
    };
  },
};
