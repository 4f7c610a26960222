/** `polsam import-notices FILE`: imports Interpol public Red Notices (JSON) into the FAST register; safe to run again. */
import fs from 'node:fs/promises';
import { z } from 'zod';
import { importNotices, parseInterpolDocument } from '../../server/modules/wanted/index.ts';
import { parseArgs, withDatabase, type CliCommand } from '../cli.ts';

const args = z.object({ file: z.string().min(1, 'FILE is required'), json: z.boolean() });

export const importNoticesCommand: CliCommand = {
  name: 'import-notices',
  usage: 'import-notices FILE [--json]',
  summary: 'import Interpol public Red Notices (list page, array or detail JSON) into the FAST register; idempotent by entity id',
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    const parsed = args.safeParse({ file: positionals[0] ?? '', json: values.json });
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
    let doc: unknown;
    try {
      doc = JSON.parse(await fs.readFile(parsed.data.file, 'utf8'));
    } catch (e) {
      throw new Error(`cannot read ${parsed.data.file} as JSON: ${(e as Error).message}`);
    }
    const started = performance.now();
    const result = await withDatabase((ctx) => importNotices(ctx, parseInterpolDocument(doc)));
    if (parsed.data.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(`received: ${result.received}  inserted: ${result.inserted}  duplicates: ${result.duplicates}  skipped: ${result.skipped}  errors: ${result.errors.length}  ${Math.round(performance.now() - started)} ms`);
      for (const e of result.errors.slice(0, 20)) console.log(`  #${e.index} ${e.entityId ?? '-'} ${e.path}: ${e.code}`);
    }
    return result.errors.length && !result.inserted && !result.duplicates ? 1 : 0;
  },
};
