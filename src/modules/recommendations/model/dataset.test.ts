import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError, parsePairs, readDataset } from './dataset.js';

const USER_ITEM = ['user', 'item'] as const;

function refusal(text: string): string {
  try {
    parsePairs(text, 'train_set.txt', USER_ITEM);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('parsePairs', () => {
  it('reads the ids under the header, with CRLF endings and a final newline', () => {
    const pairs = parsePairs('user,item\r\n0,5\r\n3,2\r\n', 'train_set.txt', USER_ITEM);
    expect([...pairs.left]).toEqual([0, 3]);
    expect([...pairs.right]).toEqual([5, 2]);
  });

  it('accepts a header with no rows', () => {
    expect(parsePairs('user,item\n', 'train_set.txt', USER_ITEM).left).toHaveLength(0);
  });

  it('refuses an empty file', () => {
    expect(refusal('')).toBe('train_set.txt is empty: expected the header line "user,item"');
    expect(refusal('\n\n')).toMatch(/^train_set.txt is empty/);
  });

  it('refuses a file whose first line is data, not the header', () => {
    expect(refusal('0,5\n1,2\n')).toBe('train_set.txt:1: missing header line, expected "user,item"');
  });

  it('refuses a header naming other columns', () => {
    expect(refusal('user,friend\n0,1\n')).toBe(
      'train_set.txt:1: unexpected header "user,friend", expected "user,item"',
    );
  });

  it('refuses a row with the wrong number of columns, naming its line', () => {
    expect(refusal('user,item\n0,1\n2,3,4\n')).toBe(
      'train_set.txt:3: expected 2 columns (user,item), found 3',
    );
    expect(refusal('user,item\n0,1\n7\n')).toBe('train_set.txt:3: expected 2 columns (user,item), found 1');
    expect(refusal('user,item\n0,1\n\n2,3\n')).toMatch(/^train_set.txt:3: expected 2 columns/);
  });

  it('refuses ids that are not non-negative integers', () => {
    expect(refusal('user,item\n0,1\n-1,4\n')).toMatch(/^train_set.txt:3: "-1" is not an id/);
    expect(refusal('user,item\n1.5,4\n')).toMatch(/^train_set.txt:2: "1.5" is not an id/);
    expect(refusal('user,item\n1,abc\n')).toMatch(/^train_set.txt:2: "abc" is not an id/);
    expect(refusal('user,item\n1,\n')).toMatch(/^train_set.txt:2: "" is not an id/);
    expect(refusal('user,item\n1,99999999999\n')).toMatch(/^train_set.txt:2: "99999999999" is not an id/);
  });
});

describe('readDataset', () => {
  it('reads the three files and sizes the id spaces from all of them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recs-data-'));
    writeFileSync(join(dir, 'train_set.txt'), 'user,item\n0,1\n1,2\n');
    writeFileSync(join(dir, 'test_set.txt'), 'user,item\n2,7\n');
    writeFileSync(join(dir, 'trust.txt'), 'user,friend\n0,4\n');
    const data = readDataset(dir);
    expect(data.userCount).toBe(5);
    expect(data.itemCount).toBe(8);
    expect([...data.trust.right]).toEqual([4]);
  });

  it('names the file that is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recs-data-'));
    writeFileSync(join(dir, 'train_set.txt'), 'user,item\n0,1\n');
    writeFileSync(join(dir, 'test_set.txt'), 'user,item\n0,1\n');
    writeFileSync(join(dir, 'trust.txt'), 'user,item\n0,1\n');
    expect(() => readDataset(dir)).toThrow(
      'trust.txt:1: unexpected header "user,item", expected "user,friend"',
    );
  });
});
