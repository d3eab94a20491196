// `npm run backup [-- --out FILE]`: a consistent backup of the embedded database (DATA_DIR), taken by
// the running server when one holds the folder, or by this process when none does.
import { resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import {
  backupPglite,
  dataDirHolder,
  holdDataDir,
  requestBackup,
  stamp,
  verifyBackup,
} from '../src/platform/backup.js';
import { openPglite } from '../src/platform/db.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = loadConfig();
if (config.databaseUrl) {
  console.error(
    'DATABASE_URL is set: back PostgreSQL up with its own tools (pg_dump -Fc, or base backups with WAL ' +
      'archiving for point-in-time recovery); the README\'s "Backups" section has the commands.',
  );
  process.exit(2);
}
const dataDir = resolve(config.dataDir);
const file = resolve(values.out ?? `backups/fission-${stamp(new Date())}.tar.gz`);
if (file.startsWith(dataDir + sep)) {
  console.error(`the backup must be written outside DATA_DIR (${dataDir}), or the next one would contain it`);
  process.exit(2);
}

const holder = dataDirHolder(dataDir);
let result: { file: string; bytes: number };
if (holder !== null) {
  console.error(`asking the server (process ${holder}) for a backup of ${dataDir}`);
  result = await requestBackup(dataDir, holder, file);
} else {
  const release = holdDataDir(dataDir);
  const db = await openPglite({ dataDir });
  try {
    result = await backupPglite(db.raw, file);
  } finally {
    await db.close();
    release();
  }
}
const migrations = await verifyBackup(result.file);
console.log(`backup written: ${result.file} (${result.bytes} bytes, ${migrations} migrations; it opens)`);
