/**
 * Config blocks shared by the network components (the Collector's confignet / configtls /
 * configgrpc / confighttp settings), with the same field names and defaults.
 */
import { readFile } from 'node:fs/promises';
import { createSecureContext, rootCertificates, type SecureContextOptions, type SecureVersion } from 'node:tls';
import { didYouMean, type Location } from '../config/diagnostics.js';
import { bool, duration, list, oneOf, raw, string, struct, type DecodeContext, type Decoder, type Infer, type StructOf } from '../config/schema.js';
import type { CfgNode } from '../config/tree.js';

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

/** TLS versions by their config names, as Node spells them. */
const TLS_VERSIONS: Readonly<Record<string, SecureVersion>> = { '1.0': 'TLSv1', '1.1': 'TLSv1.1', '1.2': 'TLSv1.2', '1.3': 'TLSv1.3' };
const DEFAULT_MIN_VERSION = '1.2';

/**
 * The cipher suites the Collector accepts (Go's `tls.CipherSuites()`: the secure ones, by their
 * IANA names) and their OpenSSL names. Go's insecure suites are refused, as upstream does.
 */
const CIPHER_SUITES: Readonly<Record<string, string>> = {
  TLS_AES_128_GCM_SHA256: 'TLS_AES_128_GCM_SHA256',
  TLS_AES_256_GCM_SHA384: 'TLS_AES_256_GCM_SHA384',
  TLS_CHACHA20_POLY1305_SHA256: 'TLS_CHACHA20_POLY1305_SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA: 'ECDHE-ECDSA-AES128-SHA',
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA: 'ECDHE-ECDSA-AES256-SHA',
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: 'ECDHE-RSA-AES128-SHA',
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA: 'ECDHE-RSA-AES256-SHA',
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: 'ECDHE-ECDSA-AES256-GCM-SHA384',
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: 'ECDHE-RSA-AES128-GCM-SHA256',
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: 'ECDHE-RSA-AES256-GCM-SHA384',
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256: 'ECDHE-RSA-CHACHA20-POLY1305',
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256: 'ECDHE-ECDSA-CHACHA20-POLY1305',
};

/** `"1.0"`…`"1.3"`, or '' when absent. An unquoted YAML number (`1.2`, `1.0`) counts as the version it spells. */
const tlsVersion: Decoder<string> = {
  describe: 'TLS version "1.0" | "1.1" | "1.2" | "1.3"',
  decode(node, ctx) {
    const s = node?.kind === 'scalar' && typeof node.value === 'number' ? (Number.isInteger(node.value) ? node.value.toFixed(1) : String(node.value)) : string().decode(node, ctx);
    if (s !== '' && !(s in TLS_VERSIONS)) {
      ctx.issues.add('config-error', ctx.path, node?.loc ?? ctx.loc, `unsupported TLS version ${JSON.stringify(s)}`, { label: 'unsupported version', hint: 'write one of "1.0", "1.1", "1.2", "1.3" (1.0 and 1.1 are deprecated)' });
      return '';
    }
    return s;
  },
};

/** A cipher suite by its Go (IANA) name; an OpenSSL name or a near miss gets a hint with the right name. */
const cipherSuite: Decoder<string> = {
  describe: 'cipher suite name (Go crypto/tls)',
  decode(node, ctx) {
    const s = string().decode(node, ctx);
    if (s in CIPHER_SUITES) return s;
    const goName = Object.keys(CIPHER_SUITES).find((k) => CIPHER_SUITES[k] === s);
    const hint = goName !== undefined ? `write its Go name \`${goName}\`` : (didYouMean(s, Object.keys(CIPHER_SUITES)) ?? `supported: ${Object.keys(CIPHER_SUITES).join(', ')}`);
    ctx.issues.add('config-error', ctx.path, node?.loc ?? ctx.loc, `invalid TLS cipher suite ${JSON.stringify(s)}`, { label: 'unknown cipher suite', hint });
    return s;
  },
};

/** Where a field of a mapping was written, else the mapping itself. */
function fieldLoc(node: CfgNode | undefined, key: string): Location | undefined {
  return (node?.kind === 'map' ? node.entries.get(key)?.node.loc : undefined) ?? node?.loc;
}

/** Fields of upstream's configtls.Config, shared by the server and client blocks. */
const tlsFields = {
  ca_file: string(),
  ca_pem: string(),
  include_system_ca_certs_pool: bool(false),
  cert_file: string(),
  cert_pem: string(),
  key_file: string(),
  key_pem: string(),
  min_version: tlsVersion,
  max_version: tlsVersion,
  cipher_suites: list(cipherSuite),
  reload_interval: duration(0),
};

type TlsFields = StructOf<typeof tlsFields>;

/** Upstream's configtls validation: one source per PEM, a certificate only with its key, versions in order. */
function checkTls(c: TlsFields, ctx: DecodeContext, node: CfgNode | undefined): void {
  const err = (key: string, message: string, hint?: string) => ctx.issues.add('config-error', `${ctx.path}.${key}`, fieldLoc(node, key), message, hint !== undefined ? { hint } : {});
  for (const what of ['ca', 'cert', 'key'] as const) {
    if (c[`${what}_file`] !== '' && c[`${what}_pem`] !== '') err(`${what}_pem`, `give either ${what}_file or ${what}_pem, not both`);
  }
  const hasCert = c.cert_file !== '' || c.cert_pem !== '';
  const hasKey = c.key_file !== '' || c.key_pem !== '';
  if (hasCert && !hasKey) err(c.cert_file !== '' ? 'cert_file' : 'cert_pem', 'a certificate needs its private key', 'add key_file (or key_pem)');
  if (hasKey && !hasCert) err(c.key_file !== '' ? 'key_file' : 'key_pem', 'a private key needs its certificate', 'add cert_file (or cert_pem)');
  const min = c.min_version || DEFAULT_MIN_VERSION;
  if (c.max_version !== '' && c.max_version < min) {
    err('max_version', `max_version ${c.max_version} is lower than min_version ${min}${c.min_version === '' ? ' (the default)' : ''}`, 'raise max_version or lower min_version');
  }
  if (c.reload_interval > 0) ctx.issues.add('config-error', `${ctx.path}.reload_interval`, fieldLoc(node, 'reload_interval'), 'not applied: certificates are read once, at startup', { severity: 'warning' });
}

export const tlsServerConfig = struct(
  { ...tlsFields, client_ca_file: string(), client_ca_file_reload: bool(false) },
  {
    check: (c, ctx, node) => {
      checkTls(c, ctx, node);
      if (c.cert_file === '' && c.cert_pem === '' && c.key_file === '' && c.key_pem === '') {
        ctx.issues.add('config-error', ctx.path, node?.loc ?? ctx.loc, 'a TLS server needs a certificate and its private key', { hint: 'add cert_file and key_file (or cert_pem and key_pem), or remove the tls block to serve plaintext' });
      }
      if (c.client_ca_file_reload) ctx.issues.add('config-error', `${ctx.path}.client_ca_file_reload`, fieldLoc(node, 'client_ca_file_reload'), 'not applied: client_ca_file is read once, at startup', { severity: 'warning' });
    },
  },
);

export const tlsClientConfig = struct({ ...tlsFields, insecure: bool(false), insecure_skip_verify: bool(false), server_name_override: string() }, { check: checkTls });

export type TlsServerConfig = Infer<typeof tlsServerConfig>;
export type TlsClientConfig = Infer<typeof tlsClientConfig>;

/** Reads a `*_pem` value or else its `*_file`; a file that cannot be read rejects naming the field and the file. */
async function pemOf(where: string, field: string, pem: string, file: string): Promise<Buffer | undefined> {
  if (pem !== '') return Buffer.from(pem);
  if (file === '') return undefined;
  try {
    return await readFile(file);
  } catch (err) {
    throw new Error(`${where}.${field}: cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Node TLS options for a `tls` block (`where` is its YAML path, quoted in errors): the certificate
 * and key, the trusted CAs `ca` (with the system roots too when include_system_ca_certs_pool),
 * min_version (1.2 by default) and max_version, and cipher_suites as OpenSSL names in `ciphers`.
 * Node applies TLS 1.3 suites named there to TLS 1.3 as well, where Go ignores them; a list of
 * TLS 1.2 suites only leaves TLS 1.3 at its defaults, as in Go. Rejects, naming the field, when
 * a file cannot be read or the material does not load (bad PEM, key not matching the certificate).
 */
async function tlsContextOptions(cfg: TlsFields, where: string, ca: { field: string; pem: string; file: string }): Promise<SecureContextOptions> {
  const [cert, key, caPem] = await Promise.all([pemOf(where, 'cert_file', cfg.cert_pem, cfg.cert_file), pemOf(where, 'key_file', cfg.key_pem, cfg.key_file), pemOf(where, ca.field, ca.pem, ca.file)]);
  const options: SecureContextOptions = {
    minVersion: TLS_VERSIONS[cfg.min_version || DEFAULT_MIN_VERSION]!,
    ...(cfg.max_version !== '' ? { maxVersion: TLS_VERSIONS[cfg.max_version]! } : {}),
    ...(cfg.cipher_suites.length > 0 ? { ciphers: cfg.cipher_suites.map((s) => CIPHER_SUITES[s]).join(':') } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
    ...(caPem ? { ca: cfg.include_system_ca_certs_pool ? [...rootCertificates, caPem] : caPem } : {}),
  };
  try {
    createSecureContext(options);
  } catch (err) {
    const files = [cfg.cert_file, cfg.key_file, ca.file].filter((f) => f !== '');
    throw new Error(`${where}: cannot load the TLS material${files.length > 0 ? ` (${files.join(', ')})` : ''}: ${(err as Error).message}`, { cause: err });
  }
  return options;
}

export type TlsServerOptions = SecureContextOptions & { requestCert: boolean; rejectUnauthorized: boolean };

/** What a TLS server needs: {@link tlsContextOptions}, and with client_ca_file, client certificates required and verified against it. */
export async function tlsServerOptions(cfg: TlsServerConfig, where: string): Promise<TlsServerOptions> {
  const options = await tlsContextOptions(cfg, where, { field: 'client_ca_file', pem: '', file: cfg.client_ca_file });
  return { ...options, requestCert: cfg.client_ca_file !== '', rejectUnauthorized: true };
}

/** What a TLS client needs: {@link tlsContextOptions} with ca_file as the trusted CAs, and the peer checks. */
export async function tlsClientOptions(cfg: TlsClientConfig, where: string): Promise<SecureContextOptions & { rejectUnauthorized: boolean; servername?: string }> {
  const options = await tlsContextOptions(cfg, where, { field: 'ca_file', pem: cfg.ca_pem, file: cfg.ca_file });
  return { ...options, rejectUnauthorized: !cfg.insecure_skip_verify, ...(cfg.server_name_override !== '' ? { servername: cfg.server_name_override } : {}) };
}

/** Fields every network component accepts for compatibility but this runtime does not act on. */
export const acceptedUnused = {
  auth: raw(),
  keepalive: raw(),
  read_buffer_size: raw(),
  write_buffer_size: raw(),
};

export const compressionField = oneOf(['gzip', 'none', ''] as const, 'gzip');

