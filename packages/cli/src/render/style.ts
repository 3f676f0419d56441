/**
 * Terminal styling. Colour is used only when the stream is a TTY and NO_COLOR is unset (or when
 * the user asks with `--color always`); every other case gets plain text, byte for byte the same
 * as with colours stripped. The styles themselves are @ottl/core's (shared with the renderer).
 */
import { makeStyle, type Style } from '@ottl/core';

export type ColorChoice = 'auto' | 'always' | 'never';

/** Whether output to `stream` should be coloured. */
export function wantsColor(stream: { isTTY?: boolean }, choice: ColorChoice = 'auto', env: NodeJS.ProcessEnv = process.env): boolean {
  if (choice === 'always') return true;
  if (choice === 'never') return false;
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return stream.isTTY === true;
}

/** The style for a stream under the user's `--color` choice. */
export function styleFor(stream: { isTTY?: boolean }, choice: ColorChoice = 'auto'): Style {
  return makeStyle(wantsColor(stream, choice));
}
