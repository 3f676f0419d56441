/**
 * The two tiny protobuf messages the OTLP transports exchange besides the payload:
 * `google.rpc.Status { int32 code = 1; string message = 2 }` (error bodies) and
 * `ExportXPartialSuccess { int64 rejected = 1; string error_message = 2 }` inside an export response.
 */

const enc = new TextEncoder();
const dec = new TextDecoder();

function pushVarint(out: number[], n: number): void {
  while (n > 0x7f) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

export function encodeStatus(code: number, message: string): Uint8Array {
  const msg = enc.encode(message);
  const head: number[] = [0x08];
  pushVarint(head, code);
  head.push(0x12);
  pushVarint(head, msg.length);
  const b = new Uint8Array(head.length + msg.length);
  b.set(head);
  b.set(msg, head.length);
  return b;
}

/** Reads fields 1 (varint) and 2 (string) of a message in `b[start, end)`; undefined when malformed. */
function readCodeAndText(b: Uint8Array, start: number, end: number): { num: number; text: string } | undefined {
  let p = start;
  const varint = (): number | undefined => {
    let v = 0;
    let mul = 1;
    while (p < end) {
      const x = b[p++]!;
      v += (x & 0x7f) * mul;
      if (x < 0x80) return v;
      mul *= 128;
    }
    return undefined;
  };
  let num = 0;
  let text = '';
  while (p < end) {
    const tag = varint();
    if (tag === 0x08) {
      const v = varint();
      if (v === undefined) return undefined;
      num = v;
    } else if (tag === 0x12) {
      const len = varint();
      if (len === undefined || p + len > end) return undefined;
      text = dec.decode(b.subarray(p, p + len));
      p += len;
    } else return undefined;
  }
  return { num, text };
}

/** The message of a google.rpc.Status body, or undefined. */
export function decodeStatusMessage(b: Uint8Array): string | undefined {
  return readCodeAndText(b, 0, b.length)?.text;
}

/** The partial success of an ExportXServiceResponse (field 1), or undefined when there is none. */
export function decodePartialSuccess(b: Uint8Array): { rejected: number; message: string } | undefined {
  if (b.length < 2 || b[0] !== 0x0a) return undefined;
  let p = 1;
  let len = 0;
  let mul = 1;
  while (p < b.length) {
    const x = b[p++]!;
    len += (x & 0x7f) * mul;
    if (x < 0x80) break;
    mul *= 128;
  }
  const r = readCodeAndText(b, p, Math.min(b.length, p + len));
  return r && { rejected: r.num, message: r.text };
}
