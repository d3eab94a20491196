import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsMarkdown } from '../../scripts/settings-table.js';
import { projectPath } from '../../src/platform/paths.js';

// Compares tables by content: padding is the formatter's business.
const unpadded = (markdown: string) => markdown.replace(/-{3,}/g, '---').replace(/ {2,}/g, ' ');

describe('README', () => {
  it('documents every setting as src/config.ts defines it', () => {
    const readme = readFileSync(projectPath('README.md'), 'utf8');
    // Out of date? Run `npx tsx scripts/settings-table.ts` and paste its output into the README.
    expect(unpadded(readme)).toContain(unpadded(settingsMarkdown()));
  });
});
