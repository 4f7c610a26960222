/** The registry of CLI subcommands; each lives in its own file under src/cli/commands/. */
import type { CliCommand } from './cli.ts';
import { createUserCommand } from './commands/create-user.ts';
import { auditVerifyCommand } from './commands/audit-verify.ts';
import { importNoticesCommand } from './commands/import-notices.ts';
import { nodeInfoCommand, peerAddCommand } from './commands/peer-add.ts';
import { matchCommand } from './commands/match.ts';
import { matchingReindexCommand } from './commands/matching-reindex.ts';
import { importCommand } from './commands/import.ts';

export const commands: CliCommand[] = [createUserCommand, auditVerifyCommand, nodeInfoCommand, peerAddCommand, importNoticesCommand, matchCommand, matchingReindexCommand, importCommand];
