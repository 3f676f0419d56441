/**
 * The delimiter arguments shared by `ParseKeyValue` and `ToKeyValueString`: `=` and a space by
 * default; an explicit empty delimiter, or equal delimiters, are rejected when the function is
 * created (upstream messages).
 */
import { OttlCreateError } from '../../types/values.js';
import { goQuote } from '../../types/convert.js';

export function keyValueDelimiters(
  delimiter: string | undefined,
  pairDelimiter: string | undefined,
): { delimiter: string; pairDelimiter: string } {
  if (delimiter === '') throw new OttlCreateError('delimiter cannot be set to an empty string');
  if (pairDelimiter === '') throw new OttlCreateError('pair delimiter cannot be set to an empty string');
  const d = delimiter ?? '=';
  const p = pairDelimiter ?? ' ';
  if (d === p) throw new OttlCreateError(`pair delimiter ${goQuote(p)} cannot be equal to delimiter ${goQuote(d)}`);
  return { delimiter: d, pairDelimiter: p };
}
