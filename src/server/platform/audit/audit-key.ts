/**
 * The key that signs audit checkpoints, kept outside the database: whoever can rewrite the log must not also be
 * able to re-sign it. Sources, by configuration: a PEM in AUDIT_SIGNING_KEY (from a secrets manager), a PEM file
 * (AUDIT_SIGNING_KEY_FILE, generated there with mode 0600 at first start when missing), or an external signer
 * command (AUDIT_SIGNING_COMMAND with AUDIT_SIGNING_PUBLIC_KEY_FILE: a KMS or HSM client that reads the message on
 * stdin and prints the base64 Ed25519 signature, so the private key never enters this process).
 */
import { spawn } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface AuditSigner {
  /** Stable id derived from the public key, stored with each checkpoint. */
  keyId: string;
  publicKeyPem: string;
  /** Where the key comes from, for the start-up log (never the key itself). */
  source: string;
  sign(message: Buffer): Promise<Buffer>;
}

export interface AuditKeyConfig {
  NODE_ENV: string;
  DATA_DIR: string;
  AUDIT_SIGNING_KEY?: string;
  AUDIT_SIGNING_KEY_FILE?: string;
  AUDIT_SIGNING_COMMAND?: string;
  AUDIT_SIGNING_PUBLIC_KEY_FILE?: string;
}

/** SHA-256 of the public key (DER), shown so an auditor can compare it with the value recorded at installation. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').replace(/(.{4})(?!$)/g, '$1:');
}

export function keyIdOf(publicKeyPem: string): string {
  return `audit-${keyFingerprint(publicKeyPem).replace(/:/g, '').slice(0, 16)}`;
}

function fromPrivateKey(key: KeyObject, source: string): AuditSigner {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`audit signing key (${source}) must be an Ed25519 key`);
  const publicKeyPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  return { keyId: keyIdOf(publicKeyPem), publicKeyPem, source, sign: async (m) => sign(null, m, key) };
}

/** A key that lives only in this process (tests and benches: nothing is kept). */
export function ephemeralAuditSigner(): AuditSigner {
  return fromPrivateKey(generateKeyPairSync('ed25519').privateKey, 'ephemeral (not kept)');
}

/** Reads the key file, or generates it (0600, refusing to overwrite) when it does not exist yet. */
function fileSigner(file: string, log: (msg: string) => void): AuditSigner {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    const signer = fromPrivateKey(createPrivateKey(pem), `file ${file}`);
    log(`Audit checkpoint signing key generated in ${file} (mode 0600), fingerprint ${keyFingerprint(signer.publicKeyPem)}. `
      + 'Keep the file outside database backups and record the fingerprint (docs/security.md).');
    return signer;
  }
  const mode = fs.statSync(file).mode & 0o077;
  if (mode) log(`Audit checkpoint signing key ${file} is readable by group or others (mode ${(fs.statSync(file).mode & 0o777).toString(8)}): chmod 600 it.`);
  return fromPrivateKey(createPrivateKey(fs.readFileSync(file)), `file ${file}`);
}

/** Signs through an external command (stdin: the message; stdout: base64 signature), checked once at start. */
async function commandSigner(command: string, publicKeyFile: string): Promise<AuditSigner> {
  const publicKeyPem = createPublicKey(fs.readFileSync(publicKeyFile)).export({ type: 'spki', format: 'pem' }).toString();
  const run = (message: Buffer) => new Promise<Buffer>((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`audit signing command exited ${code}: ${Buffer.concat(err).toString().slice(0, 200)}`));
      else resolve(Buffer.from(Buffer.concat(out).toString().trim(), 'base64'));
    });
    child.stdin.end(message);
  });
  const probe = randomBytes(32);
  if (!verify(null, probe, publicKeyPem, await run(probe))) throw new Error('audit signing command: its signature does not verify with AUDIT_SIGNING_PUBLIC_KEY_FILE');
  return { keyId: keyIdOf(publicKeyPem), publicKeyPem, source: `command (public key ${publicKeyFile})`, sign: run };
}

/** Chooses the key source from configuration (see the file comment); tests without one get an ephemeral key. */
export async function loadAuditSigner(c: AuditKeyConfig, log: (msg: string) => void): Promise<AuditSigner> {
  if (c.AUDIT_SIGNING_COMMAND) {
    if (!c.AUDIT_SIGNING_PUBLIC_KEY_FILE) throw new Error('AUDIT_SIGNING_COMMAND needs AUDIT_SIGNING_PUBLIC_KEY_FILE');
    return commandSigner(c.AUDIT_SIGNING_COMMAND, c.AUDIT_SIGNING_PUBLIC_KEY_FILE);
  }
  if (c.AUDIT_SIGNING_KEY) return fromPrivateKey(createPrivateKey(c.AUDIT_SIGNING_KEY.replace(/\\n/g, '\n')), 'environment AUDIT_SIGNING_KEY');
  if (c.AUDIT_SIGNING_KEY_FILE) return fileSigner(path.resolve(c.AUDIT_SIGNING_KEY_FILE), log);
  if (c.NODE_ENV === 'test') return ephemeralAuditSigner();
  return fileSigner(path.resolve(c.DATA_DIR, 'audit-signing-key.pem'), log);
}

let current: AuditSigner | null = null;

/** Makes a signer the process's checkpoint key (at start-up). */
export function setAuditSigner(signer: AuditSigner): void {
  current = signer;
}

/** Loads the configured key once per process and makes it current. */
export async function configureAuditSigner(c: AuditKeyConfig, log: (msg: string) => void = (m) => console.error(m)): Promise<AuditSigner> {
  current ??= await loadAuditSigner(c, log);
  return current;
}

/** The process's checkpoint key; start-up (bootstrap.firstStart) configures it. */
export function auditSigner(): AuditSigner {
  if (!current) throw new Error('audit signing key not configured: call configureAuditSigner at start-up');
  return current;
}
