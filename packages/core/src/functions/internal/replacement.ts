/**
 * The optional `function` / `replacementFormat` arguments shared by `replace_pattern`,
 * `replace_all_patterns`, `replace_match` and `replace_all_matches` (reference §7.1, §7.11).
 *
 * - The function (e.g. `SHA256`) is called with one argument and must return a string.
 * - `replacementFormat` must contain `%s` and no other `%` directive; the function's result is
 *   formatted into it. It only applies when a function is given (upstream behaviour).
 */
import type { BoundArg, FunctionRef, Getter, ParamDef, TransformContext } from '../../types/signature.js';
import { expectString } from '../../types/convert.js';
import { OttlError, type Value } from '../../types/values.js';
import { goSprintf } from './gofmt.js';
import type { OttlRegex } from './regex.js';

const HAS_PERCENT_S = /%s/;
const OTHER_DIRECTIVE = /%[^s]/;

/** Formats `value` into the replacement format, when one is given. */
export function applyReplacementFormat(
  ctx: TransformContext,
  format: Getter<string> | undefined,
  value: string,
): string {
  if (format === undefined) return value;
  const fmt = format.get(ctx);
  if (!HAS_PERCENT_S.test(fmt) || OTHER_DIRECTIVE.test(fmt)) {
    throw new OttlError('replacementFormat must be format string containing a single %s and no other format specifiers');
  }
  return goSprintf(fmt, [value]);
}

/**
 * Calls the replacement function on `input` and formats its result; `notStringMessage` is the
 * calling editor's wording for a non-string result.
 */
export function transformReplacement(
  ctx: TransformContext,
  fn: FunctionRef,
  input: Value,
  format: Getter<string> | undefined,
  notStringMessage: string,
): string {
  const result = fn.call(ctx, [input]);
  if (typeof result !== 'string') throw new OttlError(notStringMessage);
  return applyReplacementFormat(ctx, format, result);
}

/**
 * `replace_pattern` / `replace_all_patterns` with a function: every match's expanded replacement is
 * transformed, and the result replaces that match at its position (text between matches is kept,
 * so `42` inside a later `423` is not touched), as upstream's current code does.
 */
export function replaceMatchesWithFunction(
  ctx: TransformContext,
  regex: OttlRegex,
  original: string,
  template: string,
  fn: FunctionRef,
  format: Getter<string> | undefined,
): string {
  return regex.replaceEach(original, (m) =>
    transformReplacement(ctx, fn, regex.expand(template, original, m), format, 'the replacement value must be a string'),
  );
}

const REPLACEMENT_FORMAT_PARAM: ParamDef = {
  name: 'replacementFormat',
  kind: { kind: 'getter', type: 'string' },
  optional: true,
  description: 'a format with one `%s` for the function result (only with `function`)',
};

/**
 * The `replacement`, `function` and `replacementFormat` parameters of `replace_pattern` and
 * `replace_all_patterns`: the replacement is a string template whose `$1`, `${name}` refer to the
 * regex's groups; with a function, each match's expanded replacement is handed to it.
 */
export const REGEX_REPLACEMENT_PARAMS: readonly ParamDef[] = [
  {
    name: 'replacement',
    kind: { kind: 'getter', type: 'string' },
    description: 'the replacement; `$1`, `${1}`, `$name`, `${name}` refer to groups, `$$` is a `$`',
  },
  {
    name: 'function',
    kind: { kind: 'function' },
    optional: true,
    description: 'a converter applied to each expanded replacement (e.g. `SHA256`)',
  },
  REPLACEMENT_FORMAT_PARAM,
];

/**
 * The `replacement`, `function` and `replacementFormat` parameters of `replace_match` and
 * `replace_all_matches`. The replacement is read as any value: without a function it must be a
 * string; with one, it is handed to the function as is (upstream passes the getter through).
 */
export const GLOB_REPLACEMENT_PARAMS: readonly ParamDef[] = [
  { name: 'replacement', kind: { kind: 'getter', type: 'any' }, description: 'the new string' },
  {
    name: 'function',
    kind: { kind: 'function' },
    optional: true,
    description: 'a converter applied to the replacement (e.g. `SHA256`)',
  },
  REPLACEMENT_FORMAT_PARAM,
];

/** The replacement string of `replace_match` / `replace_all_matches`, from their bound arguments 2–4. */
export function globReplacement(args: readonly BoundArg[]): (ctx: TransformContext) => string {
  const replacement = args[2] as Getter;
  const fn = args[3] as FunctionRef | undefined;
  const format = args[4] as Getter<string> | undefined;
  if (fn === undefined) return (ctx) => expectString(replacement.get(ctx));
  return (ctx) => transformReplacement(ctx, fn, replacement.get(ctx), format, 'replacement value is not a string');
}
