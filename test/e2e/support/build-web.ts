import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../../src/platform/paths.js';

const web = projectPath('web');
const builtIndex = join(web, 'dist', 'index.html');
const sources = [join(web, 'src'), join(web, 'public'), join(web, 'index.html'), join(web, 'vite.config.ts')];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/**
 * Vitest globalSetup for the browser tests: builds web/dist when it is missing or older than its
 * sources, so a test never runs against a stale app. CI always builds from scratch.
 */
export default function buildWeb() {
  const stale =
    process.env.CI === 'true' ||
    !existsSync(builtIndex) ||
    statSync(builtIndex).mtimeMs < Math.max(...sources.map(newestChange));
  if (!stale) return;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: projectPath(),
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
