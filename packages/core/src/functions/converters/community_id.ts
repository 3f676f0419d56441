import { sha1 } from '@noble/hashes/legacy.js';
import { compareBytes } from '../../types/compare.js';
import type { FunctionDef, Getter, TransformContext } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';
import { base64Encode } from '../internal/base64.js';
import { parseIp } from '../internal/ip.js';

const PROTOCOLS: Readonly<Record<string, number>> = { ICMP: 1, TCP: 6, UDP: 17, RSVP: 46, ICMP6: 58, SCTP: 132 };

function port(g: Getter<bigint>, ctx: TransformContext, which: string): number {
  const p = g.get(ctx);
  if (p < 1n || p > 65535n) throw new OttlError(`${which} port must be between 1 and 65535, got ${p}`);
  return Number(p);
}

function ip(s: string, which: string): Uint8Array {
  const b = parseIp(s);
  if (b === null) throw new OttlError(`invalid ${which} IP: ${s}`);
  return b;
}

/** Community ID v1: base64 of SHA-1 over seed, the ordered endpoints, protocol and ports. */
function flowHash(seed: number, srcIp: Uint8Array, srcPort: number, dstIp: Uint8Array, dstPort: number, proto: number): string {
  const swap =
    srcIp.length !== dstIp.length
      ? srcIp.length > dstIp.length
      : compareBytes(srcIp, dstIp) > 0 || (compareBytes(srcIp, dstIp) === 0 && srcPort > dstPort);
  if (swap) [srcIp, dstIp, srcPort, dstPort] = [dstIp, srcIp, dstPort, srcPort];
  const tuple = new Uint8Array(2 + srcIp.length + dstIp.length + 2 + 4);
  const view = new DataView(tuple.buffer);
  view.setUint16(0, seed);
  tuple.set(srcIp, 2);
  tuple.set(dstIp, 2 + srcIp.length);
  let p = 2 + srcIp.length + dstIp.length;
  tuple[p++] = proto;
  tuple[p++] = 0;
  view.setUint16(p, srcPort);
  view.setUint16(p + 2, dstPort);
  return '1:' + base64Encode(sha1(tuple), 'base64');
}

export const definition: FunctionDef = {
  name: 'CommunityID',
  params: [
    { name: 'sourceIP', kind: { kind: 'getter', type: 'string' } },
    { name: 'sourcePort', kind: { kind: 'getter', type: 'int' } },
    { name: 'destinationIP', kind: { kind: 'getter', type: 'string' } },
    { name: 'destinationPort', kind: { kind: 'getter', type: 'int' } },
    {
      name: 'protocol',
      kind: { kind: 'getter', type: 'string' },
      optional: true,
      default: '"TCP"',
      description: '`ICMP`, `TCP`, `UDP`, `RSVP`, `ICMP6` or `SCTP`',
    },
    { name: 'seed', kind: { kind: 'getter', type: 'int' }, optional: true, default: '0', description: '0 to 65535' },
  ],
  returns: 'string',
  doc: {
    category: 'hash',
    summary: 'The Community ID (v1) flow hash of a network connection.',
    description:
      'Both directions of a flow give the same ID. ICMP type and code are not mapped to ports: ' +
      'the port arguments are hashed as given.',
    returns: 'a string `1:<base64 of a SHA-1 digest>`',
    failures: [
      'an address that is not an IP: `invalid source IP: X` / `invalid destination IP: X`',
      'a port outside 1–65535, a seed outside 0–65535',
      'another protocol: `unsupported protocol: X`',
    ],
    examples: [
      { code: 'CommunityID("1.2.3.4", 12345, "5.6.7.8", 80, "TCP", 0)', result: '1:0by3b/tE95hcOzccyt6d4kjgbZc=' },
      { code: 'CommunityID("5.6.7.8", 80, "1.2.3.4", 12345)', result: '1:0by3b/tE95hcOzccyt6d4kjgbZc=' },
    ],
  },
  create(args) {
    const [srcIp, srcPort, dstIp, dstPort] = args as [Getter<string>, Getter<bigint>, Getter<string>, Getter<bigint>];
    const protocol = args[4] as Getter<string> | undefined;
    const seed = args[5] as Getter<bigint> | undefined;
    return (ctx) => {
      const sIpText = srcIp.get(ctx);
      const dIpText = dstIp.get(ctx);
      const sPort = port(srcPort, ctx, 'source');
      const dPort = port(dstPort, ctx, 'destination');
      let proto = PROTOCOLS.TCP!;
      if (protocol !== undefined) {
        const name = protocol.get(ctx);
        const p = PROTOCOLS[name];
        if (p === undefined) throw new OttlError(`unsupported protocol: ${name}`);
        proto = p;
      }
      const sIp = ip(sIpText, 'source');
      const dIp = ip(dIpText, 'destination');
      let seedValue = 0;
      if (seed !== undefined) {
        const s = seed.get(ctx);
        if (s < 0n || s > 65535n) throw new OttlError(`seed must be between 0 and 65535, got ${s}`);
        seedValue = Number(s);
      }
      return flowHash(seedValue, sIp, sPort, dIp, dPort, proto);
    };
  },
};
