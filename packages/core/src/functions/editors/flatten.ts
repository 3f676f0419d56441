import { PMap, PSlice, type AttrValue } from '@ottl/pdata';
import { toPdataValue } from '../../contexts/keys.js';
import type { FunctionDef, GetSetter } from '../../types/signature.js';
import { OttlCreateError } from '../../types/values.js';
import { editMap } from '../internal/targets.js';

/** One flattening pass: the map being built and the conflict counters of its keys. */
class Flattener {
  readonly result = new PMap();
  private readonly conflicts = new Map<string, number>();

  constructor(
    private readonly maxDepth: number,
    private readonly resolveConflicts: boolean,
  ) {}

  map(m: PMap, prefix: string, depth: number): void {
    const p = prefix.length > 0 ? prefix + '.' : prefix;
    for (const [k, v] of m.entries()) this.value(k, v, depth, p);
  }

  /** Slice items are keyed by index directly after `prefix`, with no separator (as upstream does). */
  private slice(s: PSlice, prefix: string, depth: number): void {
    for (let i = 0; i < s.length; i++) this.value(String(i), s.get(i), depth + 1, prefix);
  }

  private value(k: string, v: AttrValue, depth: number, prefix: string): void {
    const key = prefix + k;
    if (v instanceof PMap && depth < this.maxDepth) {
      this.map(v, key, depth + 1);
    } else if (v instanceof PSlice && depth < this.maxDepth) {
      for (let i = 0; i < v.length; i++) {
        const item = v.get(i);
        if (item instanceof PMap && depth + 1 < this.maxDepth) this.map(item, `${key}.${i}`, depth + 2);
        else if (item instanceof PSlice && depth + 1 < this.maxDepth) this.slice(item, `${key}.${i}`, depth + 2);
        else if (this.resolveConflicts) this.put(key, item);
        else this.result.set(`${key}.${i}`, toPdataValue(item));
      }
    } else if (this.resolveConflicts) {
      this.put(key, v);
    } else {
      this.result.set(key, toPdataValue(v));
    }
  }

  /** Writes `v` under `key`, or under `key.N` (N counting from 0) when `key` is taken. */
  private put(key: string, v: AttrValue): void {
    let target = key;
    if (this.result.has(key)) {
      const n = this.conflicts.get(key) ?? 0;
      this.conflicts.set(key, n + 1);
      target = `${key}.${n}`;
    } else {
      this.conflicts.set(key, 0);
    }
    this.result.set(target, toPdataValue(v));
  }
}

export const definition: FunctionDef = {
  name: 'flatten',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the map to flatten in place' },
    { name: 'prefix', kind: { kind: 'literal', type: 'string' }, optional: true, description: 'prepended (with a dot) to every key' },
    {
      name: 'depth',
      kind: { kind: 'literal', type: 'int' },
      optional: true,
      default: 'unlimited',
      description: 'how many levels of nesting are merged',
    },
    {
      name: 'resolveConflicts',
      kind: { kind: 'literal', type: 'bool' },
      optional: true,
      default: 'false',
      description: 'keep every value whose key is already taken, under `key.0`, `key.1`…',
    },
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Flattens nested maps and lists into dotted keys.',
    description:
      '`{"a": {"b": 1}}` becomes `{"a.b": 1}` and `{"l": ["x", "y"]}` becomes `{"l.0": "x", "l.1": "y"}`. ' +
      'Values nested deeper than `depth` are kept as they are under the key reached. Without ' +
      '`resolveConflicts` a later value overwrites an earlier one with the same key; with it the ' +
      'later value goes to `key.N` and list items are written under their list\'s key first.',
    failures: ['`depth` below 1 (when the statement is parsed)', 'the target is not a map: `expected pcommon.Map but got T`'],
    examples: [
      {
        code: 'flatten(attributes)',
        before: { a: { b: 1, c: { d: 'x' } }, l: ['p', 'q'] },
        after: { 'a.b': 1, 'a.c.d': 'x', 'l.0': 'p', 'l.1': 'q' },
      },
      { code: 'flatten(attributes, "app", depth=1)', before: { a: { b: { c: 1 } } }, after: { 'app.a.b': { c: 1 } } },
      {
        code: 'flatten(attributes, resolveConflicts=true)',
        before: { a: { b: 1 }, 'a.b': 2 },
        after: { 'a.b': 1, 'a.b.0': 2 },
      },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    const prefix = (args[1] as string | undefined) ?? '';
    const depth = args[2] as bigint | undefined;
    const resolveConflicts = (args[3] as boolean | undefined) ?? false;
    if (depth !== undefined && depth < 1n) {
      throw new OttlCreateError(`invalid depth '${depth}' for flatten function, must be greater than 0`);
    }
    const maxDepth = depth === undefined || depth > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(depth);
    return (ctx) => {
      editMap(ctx, target, (m) => {
        const f = new Flattener(maxDepth, resolveConflicts);
        f.map(m, prefix, 0);
        f.result.moveTo(m);
      });
      return null;
    };
  },
};
