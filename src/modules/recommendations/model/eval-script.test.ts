import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');

// Asynchronous, so the two cases below start their tsx processes side by side.
function evalRecs(dir: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['scripts/eval-recs.ts', '--data', dir], {
      cwd: root,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

function dataDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'eval-recs-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// Users 0..5 share items 0..3; each user's held-out item is one the others have, so the model can hit.
function tinyShop(): Record<string, string> {
  const train = ['user,item'];
  const test = ['user,item'];
  for (let u = 0; u < 6; u++) {
    for (let i = 0; i < 4; i++) (i === u % 4 ? test : train).push(`${u},${i}`);
    train.push(`${u},${4 + u}`);
  }
  return {
    'train_set.txt': `${train.join('\n')}\n`,
    'test_set.txt': `${test.join('\n')}\n`,
    'trust.txt': 'user,friend\n0,1\n1,0\n2,3\n',
  };
}

describe.concurrent('npm run eval:recs', () => {
  it('prints the metrics of the model and the popular floor as the last line of standard output', async () => {
    const run = await evalRecs(dataDir(tinyShop()));
    expect(run.status, run.stderr).toBe(0);
    const last = run.stdout.trim().split('\n').at(-1)!;
    const report = JSON.parse(last) as Record<string, Record<string, number>>;
    const keys = ['N@10', 'N@20', 'P@10', 'P@20', 'R@10', 'R@20'];
    expect(Object.keys(report.model!).sort()).toEqual([...keys, 'trainSeconds'].sort());
    expect(Object.keys(report.popular!).sort()).toEqual(keys);
    // Every held-out item is among the 10 items not yet owned, so recall at 10 is complete.
    expect(report.model!['R@10']).toBe(1);
    expect(report.popular!['P@10']).toBeCloseTo(0.1, 4);
    expect(run.stderr).toMatch(/training 100%/);
  });

  it('refuses a malformed file, naming it and the line, with a failing exit status', async () => {
    const files = tinyShop();
    files['trust.txt'] = 'user,friend\n0,1\n1;0\n';
    const run = await evalRecs(dataDir(files));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('trust.txt:3: expected 2 columns (user,friend), found 1');
    expect(run.stdout).toBe('');
  });
});
