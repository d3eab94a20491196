import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from './db.js';

/**
 * Backups of the embedded database (PGlite in DATA_DIR). A backup is PGlite's own data-directory
 * tarball (gzip), taken inside the running process so it is consistent: no transaction is open
 * while it is taken (it holds the transaction lock), and a CHECKPOINT first writes every page out.
 * Uploaded images under DATA_DIR/uploads are part of the folder, so they come along.
 *
 * The process that holds DATA_DIR says so in `fission.pid`; `npm run backup` asks that process for
 * a backup (a request file it looks for), or opens the folder itself when no server holds it.
 * PostgreSQL deployments use pg_dump and WAL archiving instead (README, "Backups").
 */
const PID_FILE = 'fission.pid';
const REQUEST_FILE = '.backup-request.json';
const DONE_FILE = '.backup-done.json';
const REQUEST_POLL_MS = 500;

export interface BackupResult {
  file: string;
  bytes: number;
}

/** Dumps the open database to `file` (written beside it first, then renamed: never half a file). */
export async function backupPglite(raw: PGlite, file: string): Promise<BackupResult> {
  let dump: Blob | undefined;
  await raw.transaction(async (tx) => {
    await tx.exec('CHECKPOINT');
    dump = await raw.dumpDataDir('gzip');
  });
  const bytes = Buffer.from(await (dump as Blob).arrayBuffer());
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.partial`, bytes);
  await rename(`${file}.partial`, file);
  return { file, bytes: bytes.length };
}

/** Opens a backup in memory and checks it is a Fission database; returns its migration count. */
export async function verifyBackup(file: string): Promise<number> {
  const db = await openPglite({ loadDataDir: new Blob([await readFile(file)]) });
  try {
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    return row?.n ?? 0;
  } finally {
    await db.close();
  }
}

/** Replaces DATA_DIR with the backup; the folder it replaces is kept beside it, renamed. */
export async function restorePglite(file: string, dataDir: string, now = new Date()): Promise<string | null> {
  const blob = new Blob([await readFile(file)]);
  const kept = existsSync(dataDir) ? `${dataDir.replace(/\/$/, '')}.before-restore-${stamp(now)}` : null;
  if (kept) renameSync(dataDir, kept);
  const db = await openPglite({ dataDir, loadDataDir: blob });
  await db.close();
  // The backup was taken from a running server: these name that process and its request.
  for (const name of [PID_FILE, REQUEST_FILE, DONE_FILE]) rmSync(join(dataDir, name), { force: true });
  return kept;
}

/** Written beside, then renamed into place: a reader never sees half of it. */
async function writeWhole(path: string, content: string) {
  await writeFile(`${path}.partial`, content);
  await rename(`${path}.partial`, path);
}

export const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

/** The live process holding DATA_DIR, or null (no pid file, or its process is gone). */
export function dataDirHolder(dataDir: string): number | null {
  const path = join(dataDir, PID_FILE);
  if (!existsSync(path)) return null;
  const pid = Number(readFileSync(path, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  // After a crash and a reboot the number may belong to another program now: only Node holds a folder.
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline) && !readFileSync(cmdline, 'utf8').includes('node')) return null;
  return pid;
}

export class DataDirInUse extends Error {
  constructor(dataDir: string, holder: number) {
    super(`DATA_DIR ${dataDir} is in use by process ${holder}; stop it first`);
  }
}

/**
 * Marks DATA_DIR as held by this process, refusing if another live one holds it: two processes on
 * one PGlite folder would corrupt it. Returns the release.
 */
export function holdDataDir(dataDir: string): () => void {
  const holder = dataDirHolder(dataDir);
  if (holder !== null && holder !== process.pid) throw new DataDirInUse(dataDir, holder);
  const path = join(dataDir, PID_FILE);
  writeFileSync(path, String(process.pid));
  return () => {
    if (dataDirHolder(dataDir) === process.pid) rmSync(path, { force: true });
  };
}

/**
 * In the server: answers `npm run backup`, which leaves a request file in DATA_DIR, with a
 * consistent dump. (A file, looked for twice a second, rather than a signal: SIGUSR2 means "stop
 * gracefully" to the shutdown handler, and SIGUSR1 opens the inspector.)
 */
export function answerBackupRequests(raw: PGlite, dataDir: string, log: (msg: string) => void): () => void {
  const request = join(dataDir, REQUEST_FILE);
  let busy = false;
  const timer = setInterval(() => {
    if (busy || !existsSync(request)) return;
    busy = true;
    void (async () => {
      const done = join(dataDir, DONE_FILE);
      try {
        const { file } = JSON.parse(await readFile(request, 'utf8')) as { file: string };
        rmSync(request, { force: true });
        const result = await backupPglite(raw, file);
        log(`backup written: ${result.file} (${result.bytes} bytes)`);
        await writeWhole(done, JSON.stringify(result));
      } catch (error) {
        rmSync(request, { force: true });
        await writeWhole(done, JSON.stringify({ error: (error as Error).message }));
      } finally {
        busy = false;
      }
    })();
  }, REQUEST_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** In `npm run backup`: asks the server holding DATA_DIR for a backup and waits for it. */
export async function requestBackup(
  dataDir: string,
  pid: number,
  file: string,
  timeoutMs = 300_000,
): Promise<BackupResult> {
  const done = join(dataDir, DONE_FILE);
  rmSync(done, { force: true });
  await writeWhole(join(dataDir, REQUEST_FILE), JSON.stringify({ file }));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (dataDirHolder(dataDir) !== pid) throw new Error(`process ${pid} stopped before it wrote the backup`);
    if (existsSync(done)) {
      const answer = JSON.parse(await readFile(done, 'utf8')) as BackupResult & { error?: string };
      rmSync(done, { force: true });
      if (answer.error) throw new Error(`the server could not write the backup: ${answer.error}`);
      return { file: answer.file, bytes: (await stat(answer.file)).size };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`process ${pid} did not answer the backup request within ${timeoutMs / 1000} s`);
}
