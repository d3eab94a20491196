/**
 * Prints the README's settings table from `settingsTable` in src/config.ts:
 *   npx tsx scripts/settings-table.ts
 * test/integration/readme.test.ts fails when the README's copy is out of date.
 */
import { pathToFileURL } from 'node:url';
import { settingsTable } from '../src/config.js';

// A pipe inside a cell would end the cell early.
const cell = (text: string) => text.replaceAll('|', '\\|');

/** Columns padded to their widest cell, as Biome formats Markdown tables, so `npm run lint` passes. */
export function settingsMarkdown(): string {
  const rows = [
    ['setting', 'default', 'what it does'],
    ...settingsTable.map(([name, fallback, meaning]) => [`\`${cell(name)}\``, cell(fallback), cell(meaning)]),
  ];
  const widths = [0, 1, 2].map((col) => Math.max(...rows.map((row) => row[col]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, col) => c.padEnd(widths[col]!)).join(' | ')} |`;
  const [header, ...body] = rows;
  return [line(header!), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(settingsMarkdown());
}
