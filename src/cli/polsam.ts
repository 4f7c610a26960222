/**
 * The `polsam` command. Each subcommand validates its arguments with zod and works on the same database
 * the server uses (DATABASE_URL or DATA_DIR); run it while the embedded server is stopped (the data folder is locked).
 */
import { commands } from './commands.ts';

const [name, ...args] = process.argv.slice(2);
const cmd = commands.find((c) => c.name === name);
if (!cmd) {
  console.log('Usage: polsam <command> [arguments]\n\nCommands:');
  for (const c of commands) console.log(`  ${c.usage.padEnd(48)} ${c.summary}`);
  process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
}
try {
  process.exitCode = (await cmd.run(args)) ?? 0;
} catch (e) {
  console.error(`polsam ${name}: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
