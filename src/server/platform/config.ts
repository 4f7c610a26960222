/** Configuration from the environment, validated once at start-up (STYLE rule 5: zod at every edge). */
import { z } from 'zod';
import { ROLES, type Role } from '../../shared/domain.ts';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** PostgreSQL when set; otherwise the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  /** This installation's identity towards peers and in references (e.g. "SE"). */
  NODE_COUNTRY: z.string().regex(/^[A-Z]{2}$/).default('SE'),
  PUBLIC_URL: z.string().url().optional(),
  /** Secure cookies need HTTPS; off only for plain-HTTP local use. */
  COOKIE_SECURE: bool.optional(),
  SESSION_HOURS: z.coerce.number().min(1).max(24 * 14).default(12),
  /** A session unused this long ends (the web app warns two minutes before and keeps the open draft). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For), so that rate limits, lockout and
   * audit entries see the real client: `false` (direct), a hop count, or a comma list of proxy addresses/CIDRs.
   */
  TRUST_PROXY: z.string().regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*)$/).default('false'),
  /** Further roles that must sign in with a second factor; production always adds administrator and auditor. */
  MFA_REQUIRED_ROLES: z.string().regex(/^(none|[a-z_]+(,[a-z_]+)*)$/).default('none'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(200 * 1024 * 1024).default(20 * 1024 * 1024),
  JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  /** How often open notification streams (the header's bell) are checked for news. */
  NOTIFICATION_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load demo data at first start (the embedded default does; never with NODE_ENV=production). */
  DEMO: bool.optional(),
  /** Polsam-to-Polsam federation: this node's id in signed envelopes (defaults to NODE_COUNTRY). */
  FEDERATION_NODE_ID: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/).optional(),
  /** The unit that receives requests from peer nodes. */
  FEDERATION_UNIT: z.string().min(1).default('SPOC'),
  /** Encrypts this node's private signing key at rest (AES-256-GCM, scrypt-derived); plain when unset. */
  FEDERATION_KEY_SECRET: z.string().min(16).optional(),
  FEDERATION_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  FEDERATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  FEDERATION_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  FEDERATION_MAX_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(512 * 1024),
  /** Accepted distance between a message's signed sentAt and the receiver's clock (replay window). */
  FEDERATION_WINDOW_MS: z.coerce.number().int().min(1000).max(86_400_000).default(10 * 60_000),
  FEDERATION_BACKOFF_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  FEDERATION_BACKOFF_MAX_MS: z.coerce.number().int().min(100).max(86_400_000).default(10 * 60_000),
  /** Channel gateways' drop folder (incoming/<channel>/, processed/, failed/, outbound/<channel>/); channels are off when unset. */
  CHANNEL_DROP_DIR: z.string().min(1).optional(),
  /** How often the drop folder is scanned, and how long a file must be unchanged before it is taken (a gateway still writing). */
  CHANNEL_SCAN_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
  CHANNEL_SETTLE_MS: z.coerce.number().int().min(0).max(600_000).default(500),
  /** Inbox calls accepted per minute from one address (peers retry refused calls with back-off). */
  FEDERATION_INBOX_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  /** Refused bodies kept per sending address per hour, in all, and for how many days. */
  FEDERATION_QUARANTINE_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(100),
  FEDERATION_QUARANTINE_MAX_ROWS: z.coerce.number().int().min(10).max(10_000_000).default(10_000),
  FEDERATION_QUARANTINE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Audit checkpoint signing key (Ed25519 PEM) outside the database; generated there at first start when missing. Default DATA_DIR/audit-signing-key.pem. */
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** The same key as PEM text (from a secrets manager); takes precedence over the file. */
  AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  /** An external signer (KMS/HSM client): reads the message on stdin, prints the base64 signature. Needs the public key file. */
  AUDIT_SIGNING_COMMAND: z.string().min(1).optional(),
  AUDIT_SIGNING_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  /** How often the sealer links new audit entries into the hash chain. */
  AUDIT_SEAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Development cooperation: the IATI reporting organisation (SE-0-SE-6-<organisation number>: Polisen 202100-0076). */
  IATI_REPORTING_ORG_REF: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,99}$/).default('SE-0-SE-6-2021000076'),
  IATI_REPORTING_ORG_NAME: z.string().min(1).max(300).default('Polismyndigheten'),
  /** IATI OrganisationType of the reporting organisation (10: government). */
  IATI_REPORTING_ORG_TYPE: z.string().regex(/^\d{2}$/).default('10'),
});

export type Config = z.infer<typeof schema> & { cookieSecure: boolean; demo: boolean; trustProxy: boolean | number | string[]; mfaRoles: Role[] };

/** Administrators and auditors always need a second factor in production (issue 11, item 5). */
const MFA_ALWAYS: Role[] = ['administrator', 'auditor'];

function parseTrustProxy(v: string): boolean | number | string[] {
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((x) => x.trim());
}

function parseMfaRoles(v: string, production: boolean): Role[] {
  const named = v === 'none' ? [] : v.split(',');
  const unknown = named.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new Error(`Invalid configuration: MFA_REQUIRED_ROLES (${unknown.join(', ')})`);
  return [...new Set([...(production ? MFA_ALWAYS : []), ...(named as Role[])])];
}

/** Reads and validates configuration; throws with the offending variable names on bad input. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in a unit file) means "not set", as administrators expect.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(set);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`Invalid configuration: ${names}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  // Demo users share a published password: never in production, whatever the database (issue 11, item 2).
  if (production && c.DEMO) throw new Error('Invalid configuration: DEMO (demo data is never loaded with NODE_ENV=production)');
  return { ...c, cookieSecure: c.COOKIE_SECURE ?? production, demo: !production && (c.DEMO ?? !c.DATABASE_URL), trustProxy: parseTrustProxy(c.TRUST_PROXY), mfaRoles: parseMfaRoles(c.MFA_REQUIRED_ROLES, production) };
}
