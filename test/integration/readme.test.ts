import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsMarkdown } from '../../scripts/settings-table.js';
import { projectPath } from '../../src/platform/paths.js';

describe('README', () => {
  it('documents every setting as src/config.ts defines it', () => {
    const readme = readFileSync(projectPath('README.md'), 'utf8');
    // Out of date? Run `npx tsx scripts/settings-table.ts` and paste its output into the README.
    expect(readme).toContain(settingsMarkdown());
  });
});
