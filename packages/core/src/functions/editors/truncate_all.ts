import type { FunctionDef, GetSetter } from '../../types/signature.js';
import { OttlCreateError } from '../../types/values.js';
import { editMap } from '../internal/targets.js';

const utf8 = new TextEncoder();
const lenient = new TextDecoder();

/**
 * The longest prefix of `bytes` at most `max` bytes long; with `utf8Safe` it ends on a character
 * boundary (so it may be shorter). A cut inside a character without `utf8Safe` leaves an invalid
 * sequence, which a JS string can only hold as U+FFFD.
 */
function prefix(bytes: Uint8Array, max: number, utf8Safe: boolean): string {
  let end = max;
  if (utf8Safe) while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return lenient.decode(bytes.subarray(0, end));
}

export const definition: FunctionDef = {
  name: 'truncate_all',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the map whose string values are truncated' },
    { name: 'limit', kind: { kind: 'literal', type: 'int' }, description: 'the most bytes a value may keep' },
    {
      name: 'utf8Safe',
      kind: { kind: 'literal', type: 'bool' },
      optional: true,
      default: 'true',
      description: 'cut only at UTF-8 character boundaries',
    },
    {
      name: 'truncationMarker',
      kind: { kind: 'literal', type: 'string' },
      optional: true,
      default: '""',
      description: 'appended to every truncated value; counts toward the limit',
    },
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Truncates every top-level string value of a map to at most `limit` bytes.',
    description:
      'Non-string values are untouched. With `utf8Safe` (the default) a cut never splits a ' +
      'character, so a value may end up shorter than the limit. A truncated value ends with ' +
      '`truncationMarker`, and the marker is part of the limit.',
    failures: [
      'a negative limit, or a marker longer than the limit (when the statement is parsed)',
      'the target is not a map: `expected pcommon.Map but got T`',
    ],
    examples: [
      { code: 'truncate_all(attributes, 3)', before: { s: 'abcdef', n: 12345 }, after: { s: 'abc', n: 12345 } },
      { code: 'truncate_all(attributes, 5, true, "…")', before: { s: 'abcdef' }, after: { s: 'ab…' } },
      { code: 'truncate_all(attributes, 2)', before: { s: 'é!' }, after: { s: 'é' } },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    const limit = args[1] as bigint;
    const utf8Safe = (args[2] as boolean | undefined) ?? true;
    const marker = (args[3] as string | undefined) ?? '';
    if (limit < 0n) throw new OttlCreateError(`invalid limit for truncate_all function, ${limit} cannot be negative`);
    const markerLength = utf8.encode(marker).length;
    if (BigInt(markerLength) > limit) {
      throw new OttlCreateError(
        `invalid truncation marker for truncate_all function, its length ${markerLength} cannot be greater than the limit ${limit}`,
      );
    }
    const max = Number(limit);
    return (ctx) => {
      editMap(ctx, target, (m) => {
        for (const [k, v] of [...m.entries()]) {
          if (typeof v !== 'string' || v.length <= max / 3) continue;
          const bytes = utf8.encode(v);
          if (bytes.length > max) m.set(k, prefix(bytes, max - markerLength, utf8Safe) + marker);
        }
      });
      return null;
    };
  },
};
