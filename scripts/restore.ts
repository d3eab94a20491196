// `npm run restore -- FILE`: replaces the embedded database (DATA_DIR) with a backup. The server must
// be stopped; the folder it replaces is kept beside it.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { dataDirHolder, restorePglite, verifyBackup } from '../src/platform/backup.js';

const { positionals } = parseArgs({ allowPositionals: true });
const [file] = positionals;
if (!file) {
  console.error('usage: npm run restore -- <backup.tar.gz>');
  process.exit(2);
}
const config = loadConfig();
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: restore PostgreSQL with pg_restore (README, "Backups").');
  process.exit(2);
}
const dataDir = resolve(config.dataDir);
const holder = dataDirHolder(dataDir);
if (holder !== null) {
  console.error(`process ${holder} is running on ${dataDir}: stop it before restoring`);
  process.exit(1);
}
const migrations = await verifyBackup(resolve(file));
const kept = await restorePglite(resolve(file), dataDir);
console.log(
  `restored ${file} into ${dataDir} (${migrations} migrations)` +
    (kept ? `; the folder it replaced is kept at ${kept}` : ''),
);
