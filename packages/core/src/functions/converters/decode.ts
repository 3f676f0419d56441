import { goFmtType } from '../../types/convert.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlCreateError, OttlError, type Value } from '../../types/values.js';
import { base64Decode, base64Variant } from '../internal/base64.js';

const utf8 = new TextEncoder();
const lenientUtf8 = new TextDecoder();

/** Turns the target's bytes (a string's UTF-8 bytes) into text. */
type Decoder = (bytes: Uint8Array) => string;

const identity: Decoder = (bytes) => lenientUtf8.decode(bytes);

/** Upstream's overrides, applied before the IANA lookup (names compared lower-cased). */
const OVERRIDES: Readonly<Record<string, Decoder>> = {
  'utf-8': identity,
  utf8: identity,
  ascii: identity,
  'us-ascii': identity,
  nop: identity,
  '': identity,
  'utf-16': textDecoder('utf-16le'),
  utf16: textDecoder('utf-16le'),
};

/** ISO-8859-1 names: every byte is the code point of the same number (the web's label means windows-1252). */
const LATIN1_NAMES = new Set([
  'iso-8859-1', 'iso_8859-1', 'iso_8859-1:1987', 'iso-ir-100', 'latin1', 'l1', 'ibm819', 'cp819', 'csisolatin1',
]);

/** IANA charsets Go's `ianaindex` knows but cannot decode. */
const NO_CHARMAP = new Set(['gb2312', 'csgb2312']);

function textDecoder(label: string): Decoder {
  const d = new TextDecoder(label, { ignoreBOM: true });
  return (bytes) => d.decode(bytes);
}

/** A single-byte decoder: bytes below 0x80 are ASCII, the others are looked up in `high`. */
function singleByte(high: (b: number) => number): Decoder {
  return (bytes) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 4096) {
      s += String.fromCharCode(...Array.from(bytes.subarray(i, i + 4096), (b) => (b < 0x80 ? b : high(b))));
    }
    return s;
  };
}

const latin1 = singleByte((b) => b);

// prettier-ignore
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Windows-1252 by the web's table (some runtimes' TextDecoder treat it as ISO-8859-1). */
const windows1252 = singleByte((b) => (b < 0xa0 ? CP1252_80_9F[b - 0x80]! : b));

const WINDOWS_1252_NAMES = new Set(['windows-1252', 'cp1252', 'cswindows1252', 'x-cp1252']);

function base64Decoder(name: string): Decoder | undefined {
  const variant = base64Variant(name);
  if (variant === undefined) return undefined;
  // Surrounding whitespace (newlines around message bodies) is ignored, as upstream does.
  return (bytes) => lenientUtf8.decode(base64Decode(lenientUtf8.decode(bytes).trim(), variant));
}

/** The decoder for an encoding name; throws upstream's message for unknown names. */
function decoderFor(name: string): Decoder {
  const b64 = base64Decoder(name);
  if (b64 !== undefined) return b64;
  const lower = name.toLowerCase();
  const override = OVERRIDES[lower];
  if (override !== undefined) return override;
  if (LATIN1_NAMES.has(lower)) return latin1;
  if (WINDOWS_1252_NAMES.has(lower)) return windows1252;
  if (NO_CHARMAP.has(lower)) throw new OttlError(`no charmap defined for encoding '${name}'`);
  try {
    return textDecoder(lower);
  } catch {
    throw new OttlError(`unsupported encoding '${name}'`);
  }
}

function targetBytes(v: Value): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') return utf8.encode(v);
  throw new OttlError(`unsupported type provided to Decode function: ${goFmtType(v)}`);
}

function decodeWith(decoder: Decoder, bytes: Uint8Array): string {
  try {
    return decoder(bytes);
  } catch (e) {
    throw new OttlError(`could not decode: ${(e as Error).message}`);
  }
}

export const definition: FunctionDef = {
  name: 'Decode',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'any' }, description: 'a string or bytes' },
    {
      name: 'encoding',
      kind: { kind: 'getter', type: 'string' },
      description: '`base64`, `base64-raw`, `base64-url`, `base64-raw-url`, or a character set name (`utf-16`, `iso-8859-1`, `windows-1252`…)',
    },
  ],
  returns: 'string',
  doc: {
    category: 'encoding',
    summary: 'Decodes a string or bytes from base64 or from a character set into a string.',
    description:
      'Character set names are IANA names and aliases, matched case-insensitively; `utf-16` means ' +
      'little-endian without a byte order mark. Base64 input may be surrounded by whitespace. ' +
      'Invalid UTF-8 in the result becomes U+FFFD.',
    failures: [
      'an unknown encoding: `unsupported encoding \'X\'` (when the statement is parsed, if the name is a literal)',
      'a value that is neither a string nor bytes: `unsupported type provided to Decode function: T`',
      'malformed base64: `could not decode: illegal base64 data at input byte N`',
    ],
    examples: [
      { code: 'Decode("aGVsbG8gd29ybGQ=", "base64")', result: 'hello world' },
      { code: 'Decode("R28_L1p-eA", "base64-raw-url")', result: 'Go?/Z~x' },
      { code: 'Decode(0x7400650073007400, "UTF-16")', result: 'test' },
      { code: 'Decode(0xe9, "ISO-8859-1")', result: 'é' },
    ],
  },
  create(args) {
    const value = args[0] as Getter;
    const encoding = args[1] as Getter<string>;
    let fixed: Decoder | undefined;
    if (encoding.literal !== undefined) {
      try {
        fixed = decoderFor(encoding.literal.value);
      } catch (e) {
        throw new OttlCreateError((e as Error).message);
      }
    }
    return (ctx) => {
      const bytes = targetBytes(value.get(ctx));
      return decodeWith(fixed ?? decoderFor(encoding.get(ctx)), bytes);
    };
  },
};
