import { toPdataValue } from '../../contexts/keys.js';
import type { PMap } from '@ottl/pdata';
import type { FunctionDef, GetSetter, Getter } from '../../types/signature.js';
import { OttlCreateError } from '../../types/values.js';
import { editMap } from '../internal/targets.js';

const STRATEGIES = ['insert', 'update', 'upsert'] as const;
type Strategy = (typeof STRATEGIES)[number];

export const definition: FunctionDef = {
  name: 'merge_maps',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the map merged into' },
    { name: 'source', kind: { kind: 'getter', type: 'map' }, description: 'the map whose entries are copied' },
    { name: 'strategy', kind: { kind: 'literal', type: 'string' }, description: '`insert`, `update` or `upsert`' },
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Copies the entries of one map into another.',
    description:
      '`insert` adds only keys the target lacks, `update` overwrites only keys it has, `upsert` does ' +
      'both. Values are deep-copied.',
    failures: [
      'a strategy other than `insert`, `update`, `upsert` (when the statement is parsed)',
      'the target or the source is not a map',
    ],
    examples: [
      { code: 'merge_maps(attributes, {"a": 9, "b": 2}, "insert")', before: { a: 1 }, after: { a: 1, b: 2 } },
      { code: 'merge_maps(attributes, {"a": 9, "b": 2}, "update")', before: { a: 1 }, after: { a: 9 } },
      { code: 'merge_maps(attributes, {"a": 9, "b": 2}, "upsert")', before: { a: 1 }, after: { a: 9, b: 2 } },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    const source = args[1] as Getter<PMap>;
    const strategy = args[2] as string;
    if (!(STRATEGIES as readonly string[]).includes(strategy)) {
      throw new OttlCreateError(`invalid value for strategy, ${strategy}, must be 'insert', 'update' or 'upsert'`);
    }
    const mode = strategy as Strategy;
    return (ctx) => {
      editMap(ctx, target, (m) => {
        for (const [k, v] of [...source.get(ctx).entries()]) {
          const present = m.has(k);
          if ((mode === 'insert' && present) || (mode === 'update' && !present)) continue;
          m.set(k, toPdataValue(v));
        }
      });
      return null;
    };
  },
};
