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
});

export type Config = z.infer<typeof schema> & { cookieSecure: boolean };

/** Reads and validates configuration; throws with the offending variable names on bad input. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`Invalid configuration: ${names}`);
  }
  const c = parsed.data;
  return { ...c, cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production' };
}
