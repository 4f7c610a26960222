/** `polsam matching-reindex`: re-indexes persons indexed by an earlier version of the matching engine. */
import { reindexStale } from '../../server/modules/matching/index.ts';
import { withDatabase, type CliCommand } from '../cli.ts';

export const matchingReindexCommand: CliCommand = {
  name: 'matching-reindex',
  usage: 'matching-reindex',
  summary: 'after an upgrade of the matching engine: re-prepare and re-key the persons indexed by the old one',
  async run() {
    const started = Date.now();
    const n = await withDatabase((ctx) => reindexStale(ctx, { onProgress: (done) => { if (done % 50_000 === 0) console.log(`  … ${done}`); } }));
    console.log(`Re-indexed ${n} persons in ${Math.round((Date.now() - started) / 1000)} s.`);
  },
};
