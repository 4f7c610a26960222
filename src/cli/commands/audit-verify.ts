/** `polsam audit verify`: checks the whole audit chain and its signed checkpoints; exit code 3 when tampered. */
import { z } from 'zod';
import { verifyAudit, writeCheckpoint } from '../../server/modules/accountability/index.ts';
import { parseArgs, withDatabase, type CliCommand } from '../cli.ts';

const args = z.object({ sub: z.literal('verify', { message: 'the only subcommand is "verify"' }), json: z.boolean(), checkpoint: z.boolean() });

export const auditVerifyCommand: CliCommand = {
  name: 'audit',
  usage: 'audit verify [--json] [--checkpoint]',
  summary: 'verify the audit log hash chain and checkpoint signatures; names the first tampered entry',
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false }, checkpoint: { type: 'boolean', default: false } } });
    const parsed = args.safeParse({ sub: positionals[0], json: values.json, checkpoint: values.checkpoint });
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
    const result = await withDatabase(async (ctx) => {
      const r = await verifyAudit(ctx);
      // A checkpoint only over a chain that verified: signing a tampered head would bless it.
      if (r.ok && parsed.data.checkpoint) await writeCheckpoint(ctx, { force: true });
      return r;
    });
    if (parsed.data.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(result.message);
      if (result.problem) console.log(result.problem.message);
      console.log(`entries: ${result.entries}  head: ${result.headSeq ?? '-'}  checkpoints: ${result.checkpoints} (last ${result.lastCheckpointSeq ?? '-'})  ${result.durationMs} ms`);
      if (result.keyFingerprint) console.log(`signing key fingerprint: ${result.keyFingerprint}`);
    }
    return result.ok ? 0 : 3;
  },
};
