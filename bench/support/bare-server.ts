import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { projectRoot } from '../../src/platform/paths.js';
import { onCleanup } from './cleanup.js';
import { cpuSecondsOf, type FissionServer, freePort, terminate } from './server.js';

/**
 * The bare Fastify redirect (bare-redirect-app.ts) in a child process started like Fission's
 * (`node --import tsx`), answering a 302 to `location`. Resolves once it listens.
 */
export async function startBareRedirect(location: string): Promise<FissionServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/bare-redirect-app.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), LOCATION: location },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = onCleanup(() => terminate(child));
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve();
    });
    void once(child, 'exit').then(([code]) => reject(new Error(`bare redirect server exited (${code})`)));
  });
  try {
    await listening;
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, cpuSeconds: () => cpuSecondsOf(child.pid), stop };
}
