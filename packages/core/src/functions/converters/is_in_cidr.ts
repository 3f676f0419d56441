import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlCreateError, OttlError } from '../../types/values.js';
import { networkContains, parseCidr, parseIp, type IpNetwork } from '../internal/ip.js';

function network(s: string): IpNetwork {
  const n = parseCidr(s);
  if (n === null) throw new OttlError(`invalid CIDR address: ${s}`);
  return n;
}

export const definition: FunctionDef = {
  name: 'IsInCIDR',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the IP address to test' },
    { name: 'networks', kind: { kind: 'getterList', type: 'string' }, description: 'CIDR networks such as `10.0.0.0/8`' },
  ],
  returns: 'bool',
  doc: {
    category: 'string',
    summary: 'Tells whether an IP address lies in any of the given CIDR networks.',
    description: 'A target that is not an IP address gives false. Literal networks are checked when the statement is parsed.',
    failures: ['the target is not a string', 'a network that is not CIDR notation: `invalid CIDR address: X`'],
    examples: [
      { code: 'IsInCIDR("10.1.2.3", ["10.0.0.0/8", "192.168.0.0/16"])', result: true },
      { code: 'IsInCIDR("2001:db8::1", ["2001:db8::/32"])', result: true },
      { code: 'IsInCIDR("hello", ["10.0.0.0/8"])', result: false },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const networks = args[1] as readonly Getter<string>[];
    let fixed: IpNetwork[] | undefined;
    if (networks.every((g) => g.literal !== undefined)) {
      try {
        fixed = networks.map((g) => network(g.literal!.value));
      } catch (e) {
        throw new OttlCreateError((e as Error).message);
      }
    }
    return (ctx) => {
      const ip = parseIp(target.get(ctx));
      if (ip === null) return false;
      if (fixed !== undefined) return fixed.some((n) => networkContains(n, ip));
      for (const g of networks) if (networkContains(network(g.get(ctx)), ip)) return true;
      return false;
    };
  },
};
