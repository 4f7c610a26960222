/** Shared plumbing for CLI subcommands: argument parsing and opening the database. */
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../server/platform/config.ts';
import { systemClock } from '../server/platform/clock.ts';
import { systemCtx, type Ctx } from '../server/platform/context.ts';
import { openDatabase, firstStart } from '../server/bootstrap.ts';

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Returns the process exit code (0 when omitted). */
  run(args: string[]): Promise<number | void>;
}

export { parseArgs };

/** Opens the configured database, runs fn with a system context, and closes it. */
export async function withDatabase<T>(fn: (ctx: Ctx, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    // A first start from the CLI (e.g. pairing nodes before the server ever ran) must not lose the password.
    const admin = await firstStart(database, systemClock, config);
    if (admin) console.error(`First start: administrator "${admin.username}" with password "${admin.password}" (shown once; change it at first login).`);
    return await fn(systemCtx(database.db, systemClock, config.NODE_COUNTRY, 'en'), config);
  } finally {
    await database.close();
  }
}
