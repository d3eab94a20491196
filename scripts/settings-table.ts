/**
 * Prints the README's settings table from `settingsTable` in src/config.ts, so the two cannot
 * drift apart:  npx tsx scripts/settings-table.ts
 */
import { settingsTable } from '../src/config.js';

// A pipe inside a cell would end the cell early.
const cell = (text: string) => text.replaceAll('|', '\\|');

const rows = settingsTable.map(
  ([name, fallback, meaning]) => `| \`${cell(name)}\` | ${cell(fallback)} | ${cell(meaning)} |`,
);
console.log(['| setting | default | what it does |', '| --- | --- | --- |', ...rows].join('\n'));
