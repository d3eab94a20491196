import { describe, expect, it } from 'vitest';
import { statementNames } from './db-statements.js';

describe('prepared statement names', () => {
  it('names a text from its third use on, the same name every time, one name per text', () => {
    const names = statementNames().nameOf;
    const sql = 'SELECT * FROM orders WHERE id = $1';
    expect(names(sql)).toBeUndefined();
    expect(names(sql)).toBeUndefined();
    const name = names(sql);
    expect(name).toMatch(/^f[0-9a-f]{20}$/);
    expect(names(sql)).toBe(name);
    const other = 'SELECT * FROM orders WHERE user_id = $1';
    for (let i = 0; i < 3; i++) names(other);
    expect(names(other)).not.toBe(name);
  });

  it('names at most 500 texts, so no connection prepares more; the named keep their names', () => {
    const names = statementNames().nameOf;
    const texts = Array.from({ length: 600 }, (_, i) => `SELECT ${i} WHERE $1::int > 0`);
    for (let round = 0; round < 3; round++) for (const sql of texts) names(sql);
    const named = texts.filter((sql) => names(sql) !== undefined);
    expect(named).toHaveLength(500);
    expect(names(texts[0] as string)).toBeDefined();
    expect(names(texts[599] as string)).toBeUndefined();
  });

  it('runs a text unnamed once PostgreSQL refused its prepared plan', () => {
    const statements = statementNames();
    const sql = 'SELECT * FROM users WHERE id = $1';
    for (let i = 0; i < 3; i++) statements.nameOf(sql);
    expect(statements.nameOf(sql)).toBeDefined();
    statements.unname(sql);
    for (let i = 0; i < 5; i++) expect(statements.nameOf(sql)).toBeUndefined();
  });
});
