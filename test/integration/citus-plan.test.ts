import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db.js';
import { projectPath } from '../../src/platform/paths.js';
import { openTestDatabase } from '../support/test-db.js';

/**
 * docs/citus.md plans a distribution for every table; this keeps the plan true to the schema as
 * migrations add tables: each table planned, no table planned that is gone, each distribution
 * column a column of its table.
 */
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** `| \`table\` | \`column\` or reference or local | why |` rows of the plan's last table. */
function plannedTables(): Map<string, string> {
  const doc = readFileSync(projectPath('docs/citus.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Every table'));
  const rows = [...section.matchAll(/^\| `(\w+)` +\| (`\w+`|reference|local) +\|/gm)];
  return new Map(rows.map((m) => [m[1] as string, (m[2] as string).replaceAll('`', '')]));
}

describe('the Citus plan (docs/citus.md)', () => {
  it('plans every table of the schema, and only those, by one of its own columns', async () => {
    const columns = await db.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
    );
    const schema = new Map<string, Set<string>>();
    for (const { table_name, column_name } of columns) {
      if (!schema.has(table_name)) schema.set(table_name, new Set());
      schema.get(table_name)?.add(column_name);
    }
    const plan = plannedTables();
    expect({ unplanned: [...schema.keys()].filter((t) => !plan.has(t)).sort() }).toEqual({ unplanned: [] });
    expect({ gone: [...plan.keys()].filter((t) => !schema.has(t)).sort() }).toEqual({ gone: [] });
    const wrongColumn = [...plan].filter(
      ([table, key]) => key !== 'reference' && key !== 'local' && !schema.get(table)?.has(key),
    );
    expect(wrongColumn).toEqual([]);
  });
});
