/**
 * Prints the README's settings table from `settingsTable` in src/config.ts:
 *   npx tsx scripts/settings-table.ts
 * test/integration/readme.test.ts fails when the README's copy is out of date.
 */
import { pathToFileURL } from 'node:url';
import { settingsTable } from '../src/config.js';

// A pipe inside a cell would end the cell early.
const cell = (text: string) => text.replaceAll('|', '\\|');

export function settingsMarkdown(): string {
  const rows = settingsTable.map(
    ([name, fallback, meaning]) => `| \`${cell(name)}\` | ${cell(fallback)} | ${cell(meaning)} |`,
  );
  return ['| setting | default | what it does |', '| --- | --- | --- |', ...rows].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(settingsMarkdown());
}
