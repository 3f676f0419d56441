import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';
import { isAscii, utf8Length, utf8Slice } from '../internal/utf8.js';

/** Code points `[start, start+length)` of `s`; the range must lie inside the string. */
function substringRunes(s: string, start: bigint, length: bigint): string {
  const end = start + length;
  const bytes = BigInt(utf8Length(s));
  if (end > bytes) {
    throw new OttlError(
      `invalid range for substring function, start(${start})+length(${length}) exceeds byte length(${bytes}) of target string`,
    );
  }
  if (isAscii(s)) return s.slice(Number(start), Number(end));
  const runes = Array.from(s);
  if (end > BigInt(runes.length)) {
    throw new OttlError(
      `invalid range for substring function, start(${start})+length(${length}) cannot be greater than the rune length of target string(${runes.length})`,
    );
  }
  return runes.slice(Number(start), Number(end)).join('');
}

/** `Substring(target, start, length, Optional[utf8Safe])` (ottlfuncs/func_substring.go). */
export const definition: FunctionDef = {
  name: 'Substring',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string to cut' },
    { name: 'start', kind: { kind: 'getter', type: 'int' }, description: 'offset of the first byte (or character)' },
    { name: 'length', kind: { kind: 'getter', type: 'int' }, description: 'number of bytes (or characters), > 0' },
    {
      name: 'utf8Safe',
      kind: { kind: 'literal', type: 'bool' },
      optional: true,
      default: 'false',
      description: 'count start and length in Unicode characters instead of UTF-8 bytes',
    },
  ],
  returns: 'string',
  doc: {
    category: 'string',
    summary: 'Returns `length` bytes (or characters, with `utf8Safe`) of a string from `start`.',
    description:
      'Offsets are UTF-8 byte offsets by default, as upstream; a cut through a multi-byte character ' +
      'leaves U+FFFD in its place. With `utf8Safe=true` they count Unicode characters.',
    returns: 'string',
    failures: [
      'start is negative or length is not positive',
      'start+length is past the end of the string',
      'target is not a string (nil included)',
    ],
    examples: [
      { code: 'Substring("123456789", 3, 3)', result: '456' },
      { code: 'Substring("一二三", 1, 1, true)', result: '二' },
      { code: 'Substring("123", 2, 5)', error: 'cannot be greater than the length of target string(3)' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const startGetter = args[1] as Getter<bigint>;
    const lengthGetter = args[2] as Getter<bigint>;
    const runes = (args[3] as boolean | undefined) ?? false;
    return (ctx) => {
      const start = startGetter.get(ctx);
      if (start < 0n) throw new OttlError(`invalid start for substring function, ${start} cannot be negative`);
      const length = lengthGetter.get(ctx);
      if (length <= 0n) {
        throw new OttlError(`invalid length for substring function, ${length} cannot be negative or zero`);
      }
      const s = target.get(ctx);
      if (runes) return substringRunes(s, start, length);
      const bytes = BigInt(utf8Length(s));
      if (start > bytes || length > bytes - start) {
        throw new OttlError(
          `invalid range for substring function, start(${start})+length(${length}) cannot be greater than the length of target string(${bytes})`,
        );
      }
      return utf8Slice(s, Number(start), Number(start + length));
    };
  },
};
