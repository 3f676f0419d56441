/**
 * Errors that statements and conditions raise while data flows under the `ignore` error mode:
 * printed as warnings on stderr (the first few in full), counted, and summed up at the end.
 * `silent` never reaches here; `propagate` stops the run instead.
 */
import type { Logger as CoreLogger } from '@ottl/core';
import { createLogger, type Logger as CollectorLogger } from '@ottl/collector';
import type { Style } from '@ottl/core';

export class RuntimeReporter {
  private count = 0;
  readonly core: CoreLogger;
  readonly collector: CollectorLogger;

  constructor(
    private readonly out: { write(s: string): unknown },
    private readonly style: Style,
    private readonly limit = 10,
  ) {
    this.core = { warn: (message, fields) => this.report(message, fields) };
    this.collector = createLogger((e) => this.report(e.message, e.fields), 'warn');
  }

  get ignored(): number {
    return this.count;
  }

  private report(message: string, fields: Readonly<Record<string, unknown>>): void {
    this.count++;
    if (this.count > this.limit) return;
    const text = fields['statement'] ?? fields['condition'];
    const detail = `${message}${text !== undefined ? `: ${String(text)}` : ''}${fields['error'] !== undefined ? `, ${String(fields['error'])}` : ''}`;
    this.out.write(`${this.style.severity('warning', 'warning[runtime-error]')}${this.style.bold(': ' + detail)}\n`);
  }

  /** The closing line when errors were ignored (how many, and how many were not shown). */
  summary(): string | undefined {
    if (this.count === 0) return undefined;
    const hidden = this.count > this.limit ? ` (the first ${this.limit} shown)` : '';
    return `${this.count} runtime error${this.count === 1 ? ' was' : 's were'} ignored${hidden}`;
  }
}
