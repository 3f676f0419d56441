/**
 * OTLP input for `run`, `trace` and `repl`: files, folders (every file under them, sorted) or
 * standard input; OTLP/JSON (one request, JSON lines, or requests one after another) or OTLP
 * protobuf; `.gz` files are decompressed. Requests are streamed resource by resource (see the
 * splitters), so memory holds one resource at a time, not the input.
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { SIGNAL_OPS, type Signal, type SignalData } from '@ottl/collector';
import { PdataDecodeError } from '@ottl/pdata';
import { CliError, expandPaths } from '../cli/common.js';
import { JsonSplitError, JsonSplitter } from './jsonSplitter.js';
import { ProtoSplitError, ProtoSplitter } from './protoSplitter.js';

export type DataFormat = 'json' | 'proto';

/** The OTLP/JSON key of a signal's resource array. */
export const RESOURCE_ARRAY_KEY: Readonly<Record<Signal, string>> = {
  logs: 'resourceLogs',
  traces: 'resourceSpans',
  metrics: 'resourceMetrics',
  profiles: 'resourceProfiles',
};

export type InputUnit =
  | { readonly type: 'request-start'; readonly source: string; readonly index: number }
  /** Decoded data: one resource of the request (or the whole request for profiles). */
  | { readonly type: 'data'; readonly signal: Signal; readonly data: SignalData[Signal]; readonly resourceIndex: number }
  | { readonly type: 'request-end' };

export interface InputOptions {
  /** Files and folders; empty or `-`: standard input. */
  readonly paths: readonly string[];
  /** Forced format; default: by file extension, else by the first byte (`{` is JSON). */
  readonly format?: DataFormat;
  /** The signal of protobuf input (JSON names its own). */
  readonly signal?: Signal;
  /** Told how many input bytes were read (for progress). */
  readonly onBytes?: (n: number) => void;
}

const DATA_EXTENSIONS = /\.(json|jsonl|ndjson|pb|binpb|proto|otlp|bin)(\.gz)?$/i;

export interface InputFile {
  readonly name: string;
  /** Size on disk (compressed size for `.gz`); undefined for standard input. */
  readonly size?: number;
}

/** The input files (folders expanded to the data files under them); `-` or nothing is standard input. */
export function inputFiles(paths: readonly string[]): InputFile[] {
  if (paths.length === 0 || (paths.length === 1 && paths[0] === '-')) return [{ name: '-' }];
  if (paths.includes('-')) throw new CliError('`-` (standard input) cannot be combined with files');
  return expandPaths(paths, (name) => DATA_EXTENSIONS.test(name)).map((name) => ({ name, size: statSync(name).size }));
}

function formatByName(name: string): DataFormat | undefined {
  const base = name.replace(/\.gz$/i, '');
  if (/\.(json|jsonl|ndjson)$/i.test(base)) return 'json';
  if (/\.(pb|binpb|proto|otlp|bin)$/i.test(base)) return 'proto';
  return undefined;
}

function isGzipFile(name: string): boolean {
  if (/\.gz$/i.test(name)) return true;
  const fd = openSync(name, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

function open(file: InputFile, onBytes?: (n: number) => void): Readable {
  if (file.name === '-') return process.stdin;
  let gz: boolean;
  try {
    gz = isGzipFile(file.name);
  } catch (err) {
    throw new CliError(`cannot read ${file.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const raw = createReadStream(file.name, { highWaterMark: 1 << 20 });
  if (onBytes) raw.on('data', (c: Buffer | string) => onBytes(c.length));
  return gz ? raw.pipe(createGunzip()) : raw;
}

function decodeError(source: string, err: unknown): CliError {
  if (err instanceof PdataDecodeError || err instanceof JsonSplitError || err instanceof ProtoSplitError) {
    return new CliError(`cannot decode ${source === '-' ? 'standard input' : source}: ${err.message}`);
  }
  if (err instanceof CliError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e?.code) return new CliError(`cannot read ${source}: ${e.message}`);
  return err as CliError;
}

/** Every request of every input, resource by resource. Decoding problems are CliErrors (exit 2). */
export async function* readInput(options: InputOptions): AsyncGenerator<InputUnit> {
  let requestIndex = 0;
  for (const file of inputFiles(options.paths)) {
    try {
      yield* readOne(file, options, () => requestIndex++);
    } catch (err) {
      throw decodeError(file.name, err);
    }
  }
}

async function* readOne(file: InputFile, options: InputOptions, nextIndex: () => number): AsyncGenerator<InputUnit> {
  const stream = open(file, options.onBytes);
  let format = options.format ?? formatByName(file.name);
  let json: JsonSplitter | undefined;
  let proto: ProtoSplitter | undefined;
  let protoSignal: Signal | undefined;
  let protoResources = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let resourceIndex = 0;
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? new TextEncoder().encode(raw) : (raw as Uint8Array);
    if (chunk.length === 0) continue;
    if (format === undefined) {
      const first = chunk.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf);
      if (first === undefined) continue;
      format = first === 0x7b ? 'json' : 'proto';
    }
    if (format === 'json') {
      json ??= new JsonSplitter();
      for (const piece of json.push(decoder.decode(chunk, { stream: true }))) {
        if (piece.type === 'start') {
          resourceIndex = 0;
          yield { type: 'request-start', source: file.name, index: nextIndex() };
        } else if (piece.type === 'end') yield { type: 'request-end' };
        else {
          const ops = SIGNAL_OPS[piece.signal];
          const text = piece.type === 'whole' ? piece.text : `{"${RESOURCE_ARRAY_KEY[piece.signal]}":[${piece.text}]}`;
          yield { type: 'data', signal: piece.signal, data: ops.decodeJson(text), resourceIndex: resourceIndex++ };
        }
      }
    } else {
      if (!proto) {
        protoSignal = options.signal;
        if (!protoSignal) throw new CliError(`${file.name === '-' ? 'standard input' : file.name} is OTLP protobuf, which does not say its signal: give --signal logs|traces|metrics|profiles`);
        proto = new ProtoSplitter(protoSignal === 'profiles');
        yield { type: 'request-start', source: file.name, index: nextIndex() };
      }
      for (const bytes of proto.push(chunk)) {
        yield { type: 'data', signal: protoSignal!, data: SIGNAL_OPS[protoSignal!].decodeProto(bytes), resourceIndex: protoResources++ };
      }
    }
  }
  if (json) {
    json.push(decoder.decode());
    json.end();
  }
  if (proto) {
    for (const bytes of proto.end()) yield { type: 'data', signal: protoSignal!, data: SIGNAL_OPS[protoSignal!].decodeProto(bytes), resourceIndex: protoResources++ };
    yield { type: 'request-end' };
  }
}
