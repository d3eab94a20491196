import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { call, startServerProcess } from '../../test/support/server-process.js';
import {
  backupPglite,
  DataDirInUse,
  dataDirHolder,
  holdDataDir,
  restorePglite,
  verifyBackup,
} from './backup.js';
import { openPglite } from './db.js';
import { migrate } from './migrate.js';
import { projectRoot } from './paths.js';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'fission-backup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const folder = (name: string) => join(scratch, name);

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid as number;
}

describe('backups of the embedded database', () => {
  it('waits for an open transaction, so a backup holds whole transactions only', async () => {
    const db = await openPglite({ dataDir: folder('live') });
    await db.exec('CREATE TABLE ledger_lines (amount int NOT NULL)');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // A transfer half written: its second line is added only after the backup was asked for.
    const transfer = db.transaction(async (tx) => {
      await tx.query('INSERT INTO ledger_lines VALUES (-500)');
      await held;
      await tx.query('INSERT INTO ledger_lines VALUES (500)');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const backup = backupPglite(db.raw, folder('live.tar.gz'));
    release();
    await Promise.all([transfer, backup]);
    await db.close();

    const copy = await openPglite({ loadDataDir: new Blob([readFileSync(folder('live.tar.gz'))]) });
    expect(
      await copy.query('SELECT count(*)::int AS n, sum(amount)::int AS total FROM ledger_lines'),
    ).toEqual([{ n: 2, total: 0 }]);
    await copy.close();
    expect(existsSync(folder('live.tar.gz.partial'))).toBe(false);
  });

  it('restores into DATA_DIR, keeping the folder it replaces and no stale holder', async () => {
    const source = await openPglite({ dataDir: folder('shop') });
    await migrate(source);
    await source.exec("CREATE TABLE notes (text text); INSERT INTO notes VALUES ('before')");
    await backupPglite(source.raw, folder('shop.tar.gz'));
    await source.exec("INSERT INTO notes VALUES ('after')");
    await source.close();
    expect(await verifyBackup(folder('shop.tar.gz'))).toBeGreaterThan(50);

    writeFileSync(join(folder('shop'), 'fission.pid'), String(await deadPid()));
    const kept = await restorePglite(folder('shop.tar.gz'), folder('shop'), new Date('2026-12-03T10:00:00Z'));
    expect(kept).toBe(`${folder('shop')}.before-restore-2026-12-03T10-00-00-000Z`);
    const restored = await openPglite({ dataDir: folder('shop') });
    expect(await restored.query('SELECT text FROM notes')).toEqual([{ text: 'before' }]);
    await restored.close();
    const old = await openPglite({ dataDir: kept as string });
    expect(await old.query('SELECT text FROM notes ORDER BY text')).toHaveLength(2);
    await old.close();
    expect(dataDirHolder(folder('shop'))).toBeNull();
  }, 120_000); // two fresh databases migrated from scratch: slow on a loaded machine

  it('one process per folder: a live holder refuses another, a dead one is taken over', async () => {
    const dir = mkdtempSync(join(scratch, 'held-'));
    writeFileSync(join(dir, 'fission.pid'), String(process.ppid));
    expect(() => holdDataDir(dir)).toThrow(DataDirInUse);
    // A number reused by another program after a reboot does not hold the folder either.
    const other = spawn('sleep', ['30']);
    writeFileSync(join(dir, 'fission.pid'), String(other.pid));
    expect(dataDirHolder(dir)).toBeNull();
    other.kill();
    writeFileSync(join(dir, 'fission.pid'), String(await deadPid()));
    const release = holdDataDir(dir);
    expect(dataDirHolder(dir)).toBe(process.pid);
    release();
    expect(existsSync(join(dir, 'fission.pid'))).toBe(false);
  });

  it('`npm run backup` asks a running server; `npm run restore` refuses while it runs, then restores', async () => {
    const dataDir = folder('served');
    const env = { DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: '0', LOG_LEVEL: 'warn' };
    const server = await startServerProcess({
      ...env,
      ADMIN_EMAIL: 'ops@fission.test',
      ADMIN_PASSWORD: 'ops-password',
    });
    const cli = (script: string, args: string[]) =>
      run(process.execPath, ['--import', 'tsx', join('scripts', script), ...args], {
        cwd: projectRoot,
        env: { ...process.env, ...env },
      });
    try {
      const person = { email: 'kept@example.com', password: 'password-123', name: 'Kept' };
      expect((await call(server.url, 'POST', '/api/auth/register', { body: person })).status).toBe(201);
      const out = folder('served.tar.gz');
      const backup = await cli('backup.ts', ['--out', out]);
      expect(backup.stdout).toMatch(/backup written: .*served\.tar\.gz .*it opens/);
      expect(server.output()).toContain('backup written');
      await expect(cli('restore.ts', [out])).rejects.toMatchObject({
        stderr: expect.stringMatching(/is running on .*stop it before restoring/),
      });
      const later = { email: 'later@example.com', password: 'password-123', name: 'Later' };
      expect((await call(server.url, 'POST', '/api/auth/register', { body: later })).status).toBe(201);
    } finally {
      await server.stop();
    }
    expect((await cli('restore.ts', [folder('served.tar.gz')])).stdout).toMatch(
      /restored .* the folder it replaced is kept/,
    );
    const restored = await startServerProcess(env);
    try {
      const login = (email: string) =>
        call(restored.url, 'POST', '/api/auth/login', { body: { email, password: 'password-123' } });
      expect((await login('kept@example.com')).status).toBe(200);
      expect((await login('later@example.com')).status).toBe(401);
    } finally {
      await restored.stop();
    }
  }, 300_000);
});
