/**
 * What `delete_matching_keys`, `delete_matching_values` and `keep_matching_keys` share: the
 * `target, pattern` parameters and removing the entries of a map that a regular expression selects.
 */
import type { AttrValue } from '@ottl/pdata';
import type { BoundArg, GetSetter, Getter, Invocation, ParamDef } from '../../types/signature.js';
import { dynamicRegex, type OttlRegex } from './regex.js';
import { editMap } from './targets.js';

export const MAP_PATTERN_PARAMS: readonly ParamDef[] = [
  { name: 'target', kind: { kind: 'getsetter' }, description: 'the path holding the map' },
  { name: 'pattern', kind: { kind: 'getter', type: 'string' }, description: 'an RE2 regular expression' },
];

/**
 * The invocation for `args` (target, pattern): removes, in place and keeping the order of the
 * rest, every entry of the target map for which `remove(re, key, value)` holds. The pattern's
 * errors name `funcName` ({@link dynamicRegex}); a target that is not a map throws ({@link editMap}).
 */
export function removeMatchingEntries(
  funcName: string,
  args: readonly BoundArg[],
  remove: (re: OttlRegex, key: string, value: AttrValue) => boolean,
): Invocation {
  const target = args[0] as GetSetter;
  const pattern = dynamicRegex(funcName, args[1] as Getter<string>);
  return (ctx) => {
    const re = pattern.get(ctx);
    editMap(ctx, target, (m) => m.removeIf((key, value) => remove(re, key, value)));
    return null;
  };
}
