import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run lint` runs dependency-cruiser with `.dependency-cruiser.cjs`. These tests run the same
 * command on a small tree laid out like ours, so the rules are shown to fail where they must.
 */
const run = promisify(execFile);
const depcruise = resolve('node_modules/.bin/depcruise');
const config = resolve('.dependency-cruiser.cjs');

let root: string;

async function tree(files: Record<string, string>) {
  await rm(join(root, 'src'), { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

async function cruise(): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout } = await run(depcruise, ['src', '--config', config], { cwd: root });
    return { ok: true, output: stdout };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const distribution = {
  'src/modules/distribution/index.ts': "export { splitCommission } from './rules.js';\n",
  'src/modules/distribution/rules.ts': 'export const splitCommission = (total: number) => [total];\n',
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fission-boundaries-'));
  await writeFile(
    join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }),
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('module boundaries (npm run lint)', () => {
  it('accept a module used through its index.ts along the graph', async () => {
    await tree({
      ...distribution,
      'src/modules/share-earnings/service.ts':
        "import { splitCommission } from '../distribution/index.js';\nexport const earn = splitCommission;\n",
    });
    const result = await cruise();
    expect(result.output).toMatch(/no dependency violations found \([1-9]\d* modules/);
    expect(result.ok).toBe(true);
  });

  it('fail on a deep import of another module’s internals', async () => {
    await tree({
      ...distribution,
      'src/modules/share-earnings/service.ts':
        "import { splitCommission } from '../distribution/rules.js';\nexport const earn = splitCommission;\n",
    });
    const result = await cruise();
    expect(result.ok).toBe(false);
    expect(result.output).toContain('module-entry-only');
  });

  it('fail on an edge outside the module graph, even through the entry', async () => {
    await tree({
      'src/modules/orders/index.ts': 'export const placeOrder = () => 1;\n',
      'src/modules/payments/service.ts':
        "import { placeOrder } from '../orders/index.js';\nexport const pay = placeOrder;\n",
    });
    const result = await cruise();
    expect(result.ok).toBe(false);
    expect(result.output).toContain('module-graph-payments');
  });

  it('fail when the platform kernel imports a module', async () => {
    await tree({
      ...distribution,
      'src/platform/money.ts':
        "import { splitCommission } from '../modules/distribution/index.js';\nexport const m = splitCommission;\n",
    });
    const result = await cruise();
    expect(result.ok).toBe(false);
    expect(result.output).toContain('platform-knows-no-module');
  });
});
