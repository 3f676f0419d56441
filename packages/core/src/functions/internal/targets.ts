/**
 * Reading and writing the path an editor works on (upstream `PMapGetSetter` / `PSliceGetSetter`).
 */
import type { PMap, PSlice } from '@ottl/pdata';
import { expectMap, expectSlice } from '../../types/convert.js';
import type { GetSetter, TransformContext } from '../../types/signature.js';

/**
 * Runs `edit` on the map held by `target`. A live PMap is edited in place; a native map is
 * converted, edited and written back. Anything else (nil included) throws the OttlTypeError
 * `expected pcommon.Map but got T` before `edit` runs.
 */
export function editMap(ctx: TransformContext, target: GetSetter, edit: (m: PMap) => void): void {
  const value = target.get(ctx);
  const m = expectMap(value);
  edit(m);
  if (m !== value) target.set(ctx, m);
}

/**
 * Runs `edit` on the list held by `target`, like {@link editMap}; a non-list throws
 * `expected pcommon.Slice but got T`.
 */
export function editSlice(ctx: TransformContext, target: GetSetter, edit: (s: PSlice) => void): void {
  const value = target.get(ctx);
  const s = expectSlice(value);
  edit(s);
  if (s !== value) target.set(ctx, s);
}
