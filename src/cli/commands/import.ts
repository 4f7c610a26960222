/**
 * `polsam import CHANNEL FILE…`: takes channel messages in from files (each a wire message of the channel, or a
 * polsam.transport/1 envelope) through the same use case as the drop folder and the gateway API — a replayed
 * file is recognised, a follow-up joins its case. Shows a progress bar on a terminal, one line per file otherwise.
 */
import fs from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { INGRESS_CHANNELS } from '../../shared/channels.schemas.ts';
import { ingestMessage, type IngestResult } from '../../server/modules/channels/index.ts';
import { DomainError } from '../../server/platform/errors.ts';
import { t } from '../../server/platform/i18n.ts';
import { messageKey } from '../../server/http/error-mapper.ts';
import { parseArgs, withDatabase, type CliCommand } from '../cli.ts';

const args = z.object({
  channel: z.enum(INGRESS_CHANNELS, { error: `CHANNEL must be one of ${INGRESS_CHANNELS.join(', ')}` }),
  files: z.array(z.string().min(1)).min(1, 'give at least one FILE'),
});

/** A one-line progress bar (`[#####-----] 5/10 file.json`), redrawn in place on a terminal. */
export function progressLine(done: number, total: number, label: string, width = 30): string {
  const filled = total ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label}`.slice(0, 120);
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import CHANNEL FILE… [--json]',
  summary: 'take channel messages (SIENA, SIRENE, Interpol, PTN, Ameripol) in from files; a replayed file is registered once',
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    const parsed = args.safeParse({ channel: positionals[0], files: positionals.slice(1) });
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
    const { channel, files } = parsed.data;
    const tty = process.stderr.isTTY && !values.json;
    const results: { file: string; result?: IngestResult; error?: string }[] = [];
    await withDatabase(async (ctx) => {
      for (const [i, file] of files.entries()) {
        if (tty) process.stderr.write(`\r${progressLine(i, files.length, basename(file))}\u001b[K`);
        try {
          const doc = JSON.parse(await fs.readFile(file, 'utf8'));
          results.push({ file, result: await ingestMessage(ctx, channel, doc, { source: 'cli' }) });
        } catch (e) {
          if (e instanceof DomainError) {
            const fields = e.fields.map((f) => `${f.path}: ${t('en', messageKey(f.code), f.params ?? {})}`).join('; ');
            results.push({ file, error: `${e.code}: ${t('en', messageKey(e.code), e.params)}${fields ? ` (${fields})` : ''}` });
          } else if (e instanceof SyntaxError || (e as NodeJS.ErrnoException).code === 'ENOENT') results.push({ file, error: `cannot read as JSON: ${(e as Error).message}` });
          else throw e;
        }
        if (!tty && !values.json) {
          const r = results[results.length - 1];
          console.log(`${r.result ? r.result.outcome.padEnd(10) : 'failed'.padEnd(10)} ${file}${r.result?.caseReference ? ` ${r.result.caseReference}` : ''}${r.error ? ` ${r.error}` : ''}`);
        }
      }
      if (tty) process.stderr.write(`\r${progressLine(files.length, files.length, 'done')}\u001b[K\n`);
    });
    const count = (o: string) => results.filter((r) => r.result?.outcome === o).length;
    const failed = results.filter((r) => r.error);
    if (values.json) console.log(JSON.stringify(results, null, 2));
    else {
      console.log(`registered: ${count('registered')}  attached: ${count('attached')}  duplicates: ${count('duplicate')}  failed: ${failed.length}`);
      if (tty) for (const f of failed) console.log(`  ${f.file}: ${f.error}`);
    }
    return failed.length ? 1 : 0;
  },
};
