/** How a run that stops on a propagated runtime error reports it (stderr; the command exits 1). */
import type { Style } from '@ottl/core';

export function runtimeFailure(err: unknown, style: Style, where: string): string {
  const message = err instanceof Error ? err.message : String(err);
  return `${style.severity('error', 'error[runtime-error]')}${style.bold(': ' + message)}\n  = note: in ${where}; with --error-mode ignore the run logs the error and goes on\n`;
}
