import { createHash } from 'node:crypto';

/** Statement texts a process names (each connection prepares at most these): a bound on every cache. */
const MAX_NAMED = 500;
/** Uses before a text is named: one-off and generated texts stay unnamed and cost no server memory. */
const USES_BEFORE_NAMING = 3;
const MAX_COUNTED = 5_000;

/**
 * Names for server-side prepared statements, so PostgreSQL parses and plans a statement once per
 * connection instead of on every call. node-postgres keeps a connection's prepared statements for
 * its life, so the number of distinct names is what bounds them: only texts used a few times get a
 * name, and at most `MAX_NAMED` of them. The name is the text's hash: two texts never share one.
 */
export function statementNames() {
  const named = new Map<string, string>();
  const uses = new Map<string, number>();
  /** Texts PostgreSQL refused to re-run prepared (a migration changed what `SELECT *` returns). */
  const unnamed = new Set<string>();
  return {
    nameOf(sql: string): string | undefined {
      const name = named.get(sql);
      if (name !== undefined || named.size >= MAX_NAMED || unnamed.has(sql)) return name;
      const count = (uses.get(sql) ?? 0) + 1;
      if (count < USES_BEFORE_NAMING) {
        if (uses.size >= MAX_COUNTED) uses.clear();
        uses.set(sql, count);
        return undefined;
      }
      uses.delete(sql);
      const fresh = `f${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
      named.set(sql, fresh);
      return fresh;
    },
    /** From now on the text runs unprepared (each connection may still hold its old plan). */
    unname(sql: string): void {
      named.delete(sql);
      unnamed.add(sql);
    },
  };
}
