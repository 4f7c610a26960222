/** Configuration from the environment, validated once at start-up (STYLE rule 5: zod at every edge). */
import { z } from 'zod';

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
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(200 * 1024 * 1024).default(20 * 1024 * 1024),
  JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load demo data at first start (the embedded default does; production does not). */
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
});

export type Config = z.infer<typeof schema> & { cookieSecure: boolean };

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
  return { ...c, cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production' };
}
