import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SequenceState } from './catalog.js';
import { BackupError } from './errors.js';
import type { SchemaVersion } from './schema-version.js';

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'lianjian-backup/1';

export interface TableEntry {
  name: string;
  /** Relative to the backup folder. */
  file: string;
  rows: number;
  /** sha256 of the gzip file as stored. */
  sha256: string;
  /** sha256 of the uncompressed JSON lines: equal for equal table contents, whichever database wrote them. */
  contentSha256: string;
}

export interface UploadEntry {
  /** Relative to the uploads folder, '/'-separated. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface ManifestBody {
  format: typeof BACKUP_FORMAT;
  /** Business time (core/clock.ts) when the snapshot was taken. */
  createdAt: string;
  appVersion: string;
  database: 'pglite' | 'postgres';
  /** Why it was taken, when not on schedule or by hand: 'before upgrade from 0019_… to 0020_…'. */
  note?: string;
  schema: SchemaVersion;
  tables: TableEntry[];
  sequences: SequenceState[];
  uploads: UploadEntry[];
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The manifest with the sha256 of its own body, so an edited manifest is caught like an edited table file. */
export async function writeManifest(dir: string, body: ManifestBody): Promise<void> {
  const text = JSON.stringify(body);
  await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify({ sha256: sha256Hex(text), body }, null, 1));
}

/** Reads a manifest and checks its own checksum (not yet the files it lists: verifyFiles). */
export function readManifest(dir: string): ManifestBody {
  let parsed: { sha256?: unknown; body?: ManifestBody };
  try {
    parsed = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as typeof parsed;
  } catch (e) {
    throw new BackupError('BACKUP_MANIFEST_MISSING', { detail: e instanceof Error ? e.message : String(e) });
  }
  const body = parsed.body;
  if (!body || body.format !== BACKUP_FORMAT) {
    throw new BackupError('BACKUP_MANIFEST_MISSING', { detail: `not a ${BACKUP_FORMAT} manifest` });
  }
  if (parsed.sha256 !== sha256Hex(JSON.stringify(body))) throw new BackupError('BACKUP_MANIFEST_TAMPERED');
  checkPaths(body);
  return body;
}

/** A manifest names files inside its folder only: no absolute paths, no '..', table files where tables are. */
function checkPaths(body: ManifestBody): void {
  for (const t of body.tables) {
    if (t.file !== `tables/${t.name}.jsonl.gz` || t.name.includes('/')) {
      throw new BackupError('BACKUP_FILE_MISMATCH', { file: t.file });
    }
  }
  for (const u of body.uploads) {
    if (path.isAbsolute(u.path) || u.path.split(/[\\/]/).some((part) => part === '..' || part === '')) {
      throw new BackupError('BACKUP_FILE_MISMATCH', { file: u.path });
    }
  }
}

/** Checks every table and upload file against the manifest, before anything is written anywhere. */
export async function verifyFiles(dir: string, body: ManifestBody): Promise<void> {
  const files = [
    ...body.tables.map((t) => ({ file: t.file, sha256: t.sha256 })),
    ...body.uploads.map((u) => ({ file: `uploads/${u.path}`, sha256: u.sha256 })),
  ];
  for (const f of files) {
    const actual = await sha256File(path.join(dir, f.file)).catch(() => null);
    if (actual !== f.sha256) throw new BackupError('BACKUP_FILE_MISMATCH', { file: f.file });
  }
}
