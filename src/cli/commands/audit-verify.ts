/**
 * `polsam audit …`: verify the audit chain (exit code 3 when tampered), against a checkpoint file an auditor keeps
 * outside the database; export such a file; print the checkpoint key's public half.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { auditSigner, keyFingerprint } from '../../server/platform/audit/audit-key.ts';
import { DomainError } from '../../server/platform/errors.ts';
import { t } from '../../server/platform/i18n.ts';
import { exportCheckpoint, parseCheckpointFile, verifyAudit } from '../../server/modules/accountability/index.ts';
import { parseArgs, withDatabase, type CliCommand } from '../cli.ts';

const args = z.discriminatedUnion('sub', [
  z.object({ sub: z.literal('verify'), json: z.boolean(), checkpoint: z.string().min(1).optional() }),
  z.object({ sub: z.literal('checkpoint'), action: z.literal('export', { message: 'use "audit checkpoint export"' }), out: z.string().min(1).optional() }),
  z.object({ sub: z.literal('public-key') }),
], { message: 'subcommands: verify, checkpoint export, public-key' });

function readCheckpointFile(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read checkpoint file ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseCheckpointFile(json);
}

export const auditVerifyCommand: CliCommand = {
  name: 'audit',
  usage: 'audit verify [--json] [--checkpoint <file>] | audit checkpoint export [--out <file>] | audit public-key',
  summary: 'verify the audit chain (names the first tampered entry; with a checkpoint file also a truncation); export a signed checkpoint for an auditor',
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, checkpoint: { type: 'string' }, out: { type: 'string' } },
    });
    const parsed = args.safeParse({ sub: positionals[0], action: positionals[1], json: values.json, checkpoint: values.checkpoint, out: values.out });
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
    const a = parsed.data;
    try {
      if (a.sub === 'public-key') {
        return await withDatabase(async () => {
          const signer = auditSigner();
          console.log(signer.publicKeyPem.trim());
          console.log(`fingerprint: ${keyFingerprint(signer.publicKeyPem)}  (key: ${signer.source})`);
        });
      }
      if (a.sub === 'checkpoint') {
        const file = await withDatabase((ctx) => exportCheckpoint(ctx));
        const text = `${JSON.stringify(file, null, 2)}\n`;
        if (a.out) fs.writeFileSync(a.out, text, { flag: 'wx' });
        else process.stdout.write(text);
        console.error(`checkpoint at chain position ${file.seq}, signed by key ${file.keyFingerprint}${a.out ? `, written to ${a.out}` : ''}`);
        return 0;
      }
      const anchor = a.checkpoint ? readCheckpointFile(a.checkpoint) : undefined;
      const result = await withDatabase((ctx) => verifyAudit(ctx, { anchor }));
      if (a.json) console.log(JSON.stringify(result, null, 2));
      else {
        console.log(result.message);
        if (result.problem) console.log(result.problem.message);
        console.log(`sealed entries: ${result.entries}  head: ${result.headSeq ?? '-'}  not yet sealed: ${result.unsealed}  checkpoints: ${result.checkpoints} (last ${result.lastCheckpointSeq ?? '-'})  ${result.durationMs} ms`);
        if (result.anchor) console.log(`checkpoint file: position ${result.anchor.seq}, ${result.anchor.matched ? 'matches the chain' : 'NOT matched'}, key ${result.anchor.keyFingerprint}`);
        if (result.keyFingerprint) console.log(`signing key fingerprint: ${result.keyFingerprint}`);
      }
      return result.ok ? 0 : 3;
    } catch (e) {
      // A domain error reads as its English message, not as its code.
      if (e instanceof DomainError) throw new Error(t('en', `accountability.errors.${e.code.replace(/^accountability\./, '')}`, e.params));
      throw e;
    }
  },
};
