/**
 * Terminal styling. Colour is used only when the stream is a TTY and NO_COLOR is unset (or when
 * the user asks with `--color always`); every other case gets plain text, byte for byte the same
 * as with colours stripped.
 */
import type { Severity } from '@ottl/core';

export type ColorChoice = 'auto' | 'always' | 'never';

export interface Style {
  readonly enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  cyan(s: string): string;
  /** The colour of a severity (error red, warning yellow, info cyan), bold. */
  severity(severity: Severity, s: string): string;
}

function sgr(open: number, close: number): (s: string) => string {
  return (s) => (s === '' ? s : `\u001b[${open}m${s}\u001b[${close}m`);
}

const PLAIN: Style = {
  enabled: false,
  bold: (s) => s,
  dim: (s) => s,
  red: (s) => s,
  green: (s) => s,
  yellow: (s) => s,
  blue: (s) => s,
  cyan: (s) => s,
  severity: (_sev, s) => s,
};

const bold = sgr(1, 22);
const red = sgr(31, 39);
const yellow = sgr(33, 39);
const cyan = sgr(36, 39);

const COLORED: Style = {
  enabled: true,
  bold,
  dim: sgr(2, 22),
  red,
  green: sgr(32, 39),
  yellow,
  blue: sgr(34, 39),
  cyan,
  severity: (sev, s) => bold(sev === 'error' ? red(s) : sev === 'warning' ? yellow(s) : cyan(s)),
};

/** Whether output to `stream` should be coloured. */
export function wantsColor(stream: { isTTY?: boolean }, choice: ColorChoice = 'auto', env: NodeJS.ProcessEnv = process.env): boolean {
  if (choice === 'always') return true;
  if (choice === 'never') return false;
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return stream.isTTY === true;
}

export function makeStyle(color: boolean): Style {
  return color ? COLORED : PLAIN;
}

/** The style for a stream under the user's `--color` choice. */
export function styleFor(stream: { isTTY?: boolean }, choice: ColorChoice = 'auto'): Style {
  return makeStyle(wantsColor(stream, choice));
}
