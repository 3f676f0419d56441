/**
 * Config blocks shared by the network components (the Collector's confignet / configtls /
 * configgrpc / confighttp settings), with the same field names and defaults.
 */
import { readFile } from 'node:fs/promises';
import { bool, list, oneOf, raw, string, struct, type Decoder, type Infer } from '../config/schema.js';

/** `host:port` → parts; accepts `:4317` (all interfaces) and `[::1]:4317`. Undefined when malformed. */
export function parseHostPort(endpoint: string): { host: string; port: number } | undefined {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(endpoint.trim());
  if (!m) return undefined;
  const port = Number(m[3]);
  if (port > 65535) return undefined;
  return { host: m[1] ?? (m[2] === '' ? '0.0.0.0' : m[2]!), port };
}

export function formatHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** A listening endpoint `host:port`, checked at config time. */
export function listenEndpoint(dflt: string): Decoder<string> {
  const s = string(dflt);
  return {
    describe: `host:port (default ${dflt})`,
    decode(node, ctx) {
      const v = s.decode(node, ctx);
      if (!parseHostPort(v)) {
        ctx.issues.add('config-error', ctx.path, node?.loc ?? ctx.loc, `invalid endpoint ${JSON.stringify(v)}`, { hint: 'write host:port, for example 0.0.0.0:4317 or localhost:4318' });
        return dflt;
      }
      return v;
    },
  };
}

/** A block that is enabled by being present, even empty (`grpc:` with nothing after it). */
export function presentBlock<T>(inner: Decoder<T>): Decoder<T | undefined> {
  return {
    describe: inner.describe + ' (enabled when present)',
    decode(node, ctx) {
      if (node === undefined) return undefined;
      return inner.decode(node.kind === 'scalar' && node.value === null ? undefined : node, ctx);
    },
  };
}

export const tlsServerConfig = struct({
  cert_file: string(),
  key_file: string(),
  ca_file: string(),
  client_ca_file: string(),
  min_version: string(),
  max_version: string(),
  cipher_suites: list(string()),
  reload_interval: raw(),
  cert_pem: string(),
  key_pem: string(),
  ca_pem: string(),
});

export const tlsClientConfig = struct({
  insecure: bool(false),
  insecure_skip_verify: bool(false),
  server_name_override: string(),
  ca_file: string(),
  cert_file: string(),
  key_file: string(),
  ca_pem: string(),
  cert_pem: string(),
  key_pem: string(),
  min_version: string(),
  max_version: string(),
  cipher_suites: list(string()),
  reload_interval: raw(),
  include_system_ca_certs_pool: bool(false),
});

export type TlsServerConfig = Infer<typeof tlsServerConfig>;
export type TlsClientConfig = Infer<typeof tlsClientConfig>;

/** PEM material of a TLS block: inline `*_pem` wins over `*_file`. */
export async function loadPem(cfg: { ca_file: string; cert_file: string; key_file: string; ca_pem: string; cert_pem: string; key_pem: string }): Promise<{ ca?: Buffer; cert?: Buffer; key?: Buffer }> {
  const load = async (pem: string, file: string) => (pem !== '' ? Buffer.from(pem) : file !== '' ? await readFile(file) : undefined);
  const [ca, cert, key] = await Promise.all([load(cfg.ca_pem, cfg.ca_file), load(cfg.cert_pem, cfg.cert_file), load(cfg.key_pem, cfg.key_file)]);
  return { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
}

/** Fields every network component accepts for compatibility but this runtime does not act on. */
export const acceptedUnused = {
  auth: raw(),
  keepalive: raw(),
  read_buffer_size: raw(),
  write_buffer_size: raw(),
};

export const compressionField = oneOf(['gzip', 'none', ''] as const, 'gzip');

