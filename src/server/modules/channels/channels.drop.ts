/**
 * The drop folder: a channel gateway writes each received message as a JSON file into `incoming/<channel>/`
 * (best under a dot-name or in `.tmp/`, then renamed in: rename is atomic). The server scans the folders every
 * CHANNEL_SCAN_MS, and also when the folder changes; a file is taken only once it has stayed unchanged for
 * CHANNEL_SETTLE_MS, so a gateway still writing it is not read half-way. Each file is taken in by the one ingress
 * use case (exactly once, by content hash) and moved to `processed/<channel>/`; a file that cannot be taken in moves
 * to `failed/<channel>/` with `<name>.error.txt` giving the reason in Swedish and English, and nothing of it is
 * written to the database. The files are the durable queue: whatever arrives while the server is down is taken at start.
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { messageKey } from '../../http/error-mapper.ts';
import { ingestMessage, type IngestResult } from './channels.ingest.ts';
import { channelFolders, type ChannelSettings } from './channels.outbound.ts';
import { CHANNEL_ADAPTERS, type AdapterChannel } from './registry.ts';

export type DropOutcome = { file: string; channel: AdapterChannel } & ({ ok: true; result: IngestResult } | { ok: false; code: string });

const CHANNELS = Object.keys(CHANNEL_ADAPTERS) as AdapterChannel[];

/** Creates the folders of every channel (so an administrator sees where to drop files). */
export async function ensureDropFolders(dropDir: string): Promise<void> {
  for (const c of CHANNELS) for (const dir of Object.values(channelFolders(dropDir, c))) await mkdir(dir, { recursive: true });
}

/** The reason a file was refused, in both languages, with the field issues. */
export function failureText(e: DomainError): string {
  const lines: string[] = [];
  for (const locale of ['sv', 'en'] as const) {
    lines.push(`${locale}: ${t(locale, messageKey(e.code), e.params)}`);
    for (const f of e.fields) lines.push(`  ${f.path || '(message)'}: ${t(locale, messageKey(f.code), f.params ?? {})}`);
  }
  return `${e.code}\n${lines.join('\n')}\n`;
}

/** Moves a file out of the incoming folder; a name already there gets a time suffix (nothing is overwritten). */
async function moveOut(from: string, dir: string, name: string, at: Date): Promise<string> {
  await mkdir(dir, { recursive: true });
  let target = join(dir, name);
  try {
    await stat(target);
    target = join(dir, `${name.replace(/\.json$/, '')}.${at.getTime()}.json`);
  } catch { /* free */ }
  await rename(from, target);
  return target;
}

/** Scans every channel's incoming folder once and takes in the files that have settled; returns what happened to each. */
export async function scanDropFolder(ctx: Ctx, s: Pick<ChannelSettings, 'settleMs'> & { dropDir: string }): Promise<DropOutcome[]> {
  const out: DropOutcome[] = [];
  for (const channel of CHANNELS) {
    const f = channelFolders(s.dropDir, channel);
    let names: string[];
    try {
      names = (await readdir(f.incoming, { withFileTypes: true })).filter((d) => d.isFile() && d.name.endsWith('.json') && !d.name.startsWith('.')).map((d) => d.name).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    for (const name of names) {
      const path = join(f.incoming, name);
      const now = ctx.clock.now();
      let info;
      try {
        info = await stat(path);
      } catch {
        continue; // taken by another scan meanwhile
      }
      if (now.getTime() - info.mtime.getTime() < s.settleMs) continue; // still being written
      let doc: unknown;
      try {
        doc = JSON.parse(await readFile(path, 'utf8'));
      } catch {
        const e = new DomainError('validation', 'channels.transport_unreadable', { channel });
        await fail(path, f.failed, name, e, now);
        out.push({ file: name, channel, ok: false, code: e.code });
        continue;
      }
      try {
        // Art 5(1): the clock starts when the message reached us, i.e. when the gateway's rename made the file visible.
        const result = await ingestMessage(ctx, channel, doc, { source: 'drop', receivedAt: info.mtime < now ? info.mtime : now });
        await moveOut(path, f.processed, name, now);
        out.push({ file: name, channel, ok: true, result });
      } catch (e) {
        // A database or disk failure is not the file's fault: it stays and is tried again at the next scan.
        if (!(e instanceof DomainError) || e.kind === 'unavailable') throw e;
        await fail(path, f.failed, name, e, now);
        out.push({ file: name, channel, ok: false, code: e.code });
      }
    }
  }
  return out;
}

async function fail(path: string, dir: string, name: string, e: DomainError, at: Date): Promise<void> {
  const target = await moveOut(path, dir, name, at);
  await writeFile(`${target}.error.txt`, failureText(e), 'utf8');
}

/** Scans the drop folder until stopped: on a timer and whenever a folder changes. Returns a stop function. */
export function startDropFolder(ctx: Ctx, s: ChannelSettings, onError: (e: unknown) => void): () => Promise<void> {
  if (!s.dropDir) return async () => {};
  const dropDir = s.dropDir;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<unknown> = Promise.resolve();
  let again = false;
  const watchers: FSWatcher[] = [];
  const tick = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    current = current.then(() => scanDropFolder(ctx, { dropDir, settleMs: s.settleMs })).catch(onError).finally(() => {
      if (stopped) return;
      // A file that changed while scanning is looked at again once it has had time to settle.
      timer = setTimeout(tick, again ? Math.max(50, s.settleMs) : s.scanMs);
      again = false;
    });
  };
  void ensureDropFolders(dropDir).then(() => {
    for (const c of CHANNELS) {
      try {
        watchers.push(watch(channelFolders(dropDir, c).incoming, () => { again = true; }));
      } catch { /* fs.watch is a hint; the timer scans anyway */ }
    }
    tick();
  }, onError);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
    await current;
  };
}
