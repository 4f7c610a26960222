/**
 * A Transport that exchanges one JSON file per message with a gateway through two folders, for channels that
 * cannot be reached from here (SIENA, I-24/7, SIS). Every file is written under `<folder>/.tmp/` and then renamed
 * into the folder: rename is atomic within one filesystem (POSIX rename(2)), so a reader never sees a partly
 * written file. A gateway that drops files into the inbox must do the same. Read files move to `processed/` on
 * ack; files that are not a valid envelope move to `failed/` and are reported once.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, type Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { transportEnvelope, type OutgoingWire, type ReceiveItem, type SendResult, type Transport } from './transport.ts';

export interface FileTransportOptions {
  /** Where sent messages are written for the gateway to pick up. */
  outbox: string;
  /** Where the gateway drops received messages. */
  inbox: string;
  clock?: Clock;
}

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

/** Writes a file atomically: write and fsync under `<dir>/.tmp/`, then rename into `dir`. */
export async function writeFileAtomic(dir: string, name: string, data: string): Promise<void> {
  const tmpDir = join(dir, '.tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmp = join(tmpDir, `${name}.${randomUUID()}.part`);
  const fh = await open(tmp, 'wx');
  try {
    await fh.writeFile(data, 'utf8');
    await fh.sync(); // durable before it becomes visible
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, name));
}

function fileStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('.', ''); // 20260301T101500123Z: sorts by time
}

/** Creates a folder-based transport (one `<time>-<channel>-<uuid>.json` file per message). */
export function createFileTransport(options: FileTransportOptions): Transport {
  const clock = options.clock ?? systemClock;
  const { outbox, inbox } = options;

  async function moveTo(sub: string, file: string): Promise<void> {
    await mkdir(join(inbox, sub), { recursive: true });
    await rename(join(inbox, file), join(inbox, sub, file));
  }

  return {
    async send(out: OutgoingWire): Promise<SendResult> {
      const now = clock.now();
      const externalRef = out.id && NAME_RE.test(out.id) ? out.id : `${fileStamp(now)}-${out.channel}-${randomUUID()}`;
      const body = { envelope: 'polsam.transport/1', ...(out.id ? { id: out.id } : {}), channel: out.channel, format: out.format, sentAt: now.toISOString(), wire: out.wire };
      try {
        await mkdir(outbox, { recursive: true });
        await writeFileAtomic(outbox, `${externalRef}.json`, `${JSON.stringify(body, null, 2)}\n`);
        return { ok: true, externalRef };
      } catch (e) {
        return { ok: false, code: 'channels.transport_write_failed', retryable: true, detail: (e as NodeJS.ErrnoException).code };
      }
    },

    async receive(): Promise<ReceiveItem[]> {
      await mkdir(inbox, { recursive: true });
      const entries = await readdir(inbox, { withFileTypes: true });
      const files = entries
        .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort();
      const items: ReceiveItem[] = [];
      for (const file of files) {
        const externalRef = file.slice(0, -'.json'.length);
        let parsed: unknown;
        let receivedAt: string;
        try {
          const path = join(inbox, file);
          receivedAt = (await stat(path)).mtime.toISOString(); // when the gateway's rename made it visible
          parsed = JSON.parse(await readFile(path, 'utf8'));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // acknowledged meanwhile
          await moveTo('failed', file);
          items.push({ ok: false, externalRef, code: 'channels.transport_unreadable' });
          continue;
        }
        const env = transportEnvelope.safeParse(parsed);
        if (!env.success) {
          await moveTo('failed', file);
          items.push({ ok: false, externalRef, code: 'channels.transport_envelope_invalid' });
          continue;
        }
        items.push({ ok: true, message: { externalRef, receivedAt, channel: env.data.channel, format: env.data.format, wire: env.data.wire } });
      }
      return items;
    },

    async ack(externalRef: string): Promise<void> {
      if (!NAME_RE.test(externalRef)) throw new DomainError('validation', 'channels.transport_ref_invalid', { reference: externalRef });
      await moveTo('processed', `${externalRef}.json`);
    },
  };
}
