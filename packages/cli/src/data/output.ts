/**
 * OTLP output: OTLP/JSON, one request per line (or indented with `pretty`), or OTLP protobuf.
 * Requests are written resource by resource as they are processed, so a large request is never
 * held whole; the bytes are the same as encoding the processed request at once. Writes wait for
 * the stream to drain.
 */
import type { Writable } from 'node:stream';
import { SIGNAL_OPS, type Signal, type SignalData } from '@ottl/collector';
import { RESOURCE_ARRAY_KEY, type DataFormat } from './input.js';

export interface WriterOptions {
  readonly format: DataFormat;
  readonly pretty?: boolean;
}

/**
 * The OTLP/JSON of the resources of `data`: the inside of its resource array (`{…},{…}`), empty
 * when there are none.
 */
export function resourceArrayText(signal: Signal, data: SignalData[Signal]): string {
  const text = SIGNAL_OPS[signal].encodeJson(data as never);
  const prefix = `{"${RESOURCE_ARRAY_KEY[signal]}":[`;
  if (text.startsWith(prefix) && text.endsWith(']}')) return text.slice(prefix.length, -2);
  const obj = JSON.parse(text) as Record<string, unknown[] | undefined>;
  return (obj[RESOURCE_ARRAY_KEY[signal]] ?? []).map((r) => JSON.stringify(r)).join(',');
}

/** The resources of `data` as indented JSON texts (for `--pretty` and diffs). */
export function resourcePrettyTexts(signal: Signal, data: SignalData[Signal]): string[] {
  const obj = JSON.parse(SIGNAL_OPS[signal].encodeJson(data as never)) as Record<string, unknown[] | undefined>;
  return (obj[RESOURCE_ARRAY_KEY[signal]] ?? []).map((r) => JSON.stringify(r, null, 2));
}

/**
 * The resources of `data` as indented JSON for comparing two states: an empty `resource` or
 * `scope` (which reading it through OTTL may materialise) is left out, as absent and empty mean
 * the same in OTLP.
 */
export function resourceDiffText(signal: Signal, data: SignalData[Signal]): string {
  const obj = JSON.parse(SIGNAL_OPS[signal].encodeJson(data as never)) as Record<string, unknown[] | undefined>;
  const drop = (key: string, v: unknown) => ((key === 'resource' || key === 'scope') && typeof v === 'object' && v !== null && Object.keys(v).length === 0 ? undefined : v);
  return (obj[RESOURCE_ARRAY_KEY[signal]] ?? []).map((r) => JSON.stringify(r, drop, 2)).join('\n');
}

function indent(text: string, by: string): string {
  return text.replace(/\n/g, '\n' + by);
}

export class OtlpWriter {
  private signal: Signal | undefined;
  private opened = false;
  private whole: string | undefined;

  constructor(
    private readonly out: Writable,
    private readonly options: WriterOptions,
  ) {}

  /** Resolves when the stream can take more; rejects when it failed (a full disk, a closed pipe). */
  private write(chunk: string | Uint8Array): Promise<void> {
    if (this.out.errored) return Promise.reject(this.out.errored);
    if (this.out.write(chunk)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => {
        this.out.off('drain', onDrain);
        reject(err);
      };
      const onDrain = () => {
        this.out.off('error', onError);
        resolve();
      };
      this.out.once('drain', onDrain);
      this.out.once('error', onError);
    });
  }

  beginRequest(): void {
    this.signal = undefined;
    this.opened = false;
    this.whole = undefined;
  }

  async writeData(signal: Signal, data: SignalData[Signal]): Promise<void> {
    const ops = SIGNAL_OPS[signal];
    if (this.options.format === 'proto') {
      const bytes = ops.encodeProto(data as never);
      if (bytes.length > 0) await this.write(bytes);
      return;
    }
    if (signal === 'profiles') {
      // Profiles requests are read whole; they are written whole too.
      this.whole = ops.encodeJson(data as never);
      return;
    }
    const pretty = this.options.pretty === true;
    const elements = pretty ? resourcePrettyTexts(signal, data).map((r) => '    ' + indent(r, '    ')) : [resourceArrayText(signal, data)].filter((t) => t !== '');
    let text = '';
    for (const element of elements) {
      if (!this.opened) {
        this.signal = signal;
        this.opened = true;
        text += pretty ? `{\n  "${RESOURCE_ARRAY_KEY[signal]}": [\n${element}` : `{"${RESOURCE_ARRAY_KEY[signal]}":[${element}`;
      } else text += pretty ? `,\n${element}` : `,${element}`;
    }
    if (text !== '') await this.write(text);
  }

  async endRequest(): Promise<void> {
    if (this.options.format === 'proto') return;
    const pretty = this.options.pretty === true;
    if (this.whole !== undefined) await this.write((pretty ? JSON.stringify(JSON.parse(this.whole), null, 2) : this.whole) + '\n');
    else if (this.opened && this.signal) await this.write(pretty ? '\n  ]\n}\n' : ']}\n');
    else await this.write('{}\n');
  }
}
