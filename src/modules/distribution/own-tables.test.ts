import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Distribution, invitations and points read people through the accounts module (`namesOf`,
 * `contactsOf`, `inviteesOf`), never by joining its `users` table: a regression test for the joins
 * they had.
 */
const MODULES = ['distribution', 'invitations', 'points', 'share-earnings'];

describe.each(MODULES)('the SQL of %s', (module) => {
  const dir = join(import.meta.dirname, '..', module);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it.each(files)('%s reads no table of the accounts module', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    expect(source).not.toMatch(/\b(FROM|JOIN|UPDATE|INTO)\s+(users|sessions)\b/i);
    expect(source).not.toMatch(/\binvited_by\b/);
  });
});
