/** Machine-readable reason of a {@link PdataDecodeError}. */
export type PdataDecodeErrorCode =
  | 'truncated'
  | 'wire-type'
  | 'too-deep'
  | 'too-large'
  | 'invalid-json'
  | 'invalid-id'
  | 'invalid-value';

/**
 * Thrown by every decoder on bad input. Decoders never return partial results: either the whole
 * request decodes, or this is thrown. `offset` is set for protobuf input (byte offset of the
 * offending field or byte), `path` for JSON input (`$.resourceLogs[0].scopeLogs[0]…`); invalid
 * JSON syntax sets `offset` (character index) instead.
 */
export class PdataDecodeError extends Error {
  override readonly name = 'PdataDecodeError';
  readonly code: PdataDecodeErrorCode;
  readonly offset: number | undefined;
  readonly path: string | undefined;

  constructor(code: PdataDecodeErrorCode, message: string, where: { offset?: number; path?: string } = {}) {
    const at = where.path !== undefined ? ` at ${where.path}` : where.offset !== undefined ? ` at offset ${where.offset}` : '';
    super(`${message}${at}`);
    this.code = code;
    this.offset = where.offset;
    this.path = where.path;
  }
}

/** Thrown by any mutation of data that was marked read-only (`markReadOnly()`). */
export class ReadOnlyError extends Error {
  override readonly name = 'ReadOnlyError';
  constructor(what = 'value') {
    super(`cannot modify a read-only ${what}`);
  }
}

/** Size and nesting limits applied by every decoder. */
export interface DecodeLimits {
  /** Largest accepted input: bytes for protobuf, UTF-16 code units for JSON text. Default 64 MiB. */
  maxBytes?: number;
  /** Deepest accepted message / JSON nesting, counted from the request (depth 0). Default 100. */
  maxDepth?: number;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 100;

/** @internal */
export function resolveLimits(l: DecodeLimits | undefined): Required<DecodeLimits> {
  return { maxBytes: l?.maxBytes ?? DEFAULT_MAX_BYTES, maxDepth: l?.maxDepth ?? DEFAULT_MAX_DEPTH };
}
