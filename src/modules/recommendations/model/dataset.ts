import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One `a,b` CSV file (`user,item` or `user,friend`) as two columns of 0-based ids. */
export interface PairColumns {
  left: Uint32Array;
  right: Uint32Array;
}

export class DatasetError extends Error {
  override name = 'DatasetError';
}

const ID = /^\d+$/;
// Ids index typed arrays: far past any real data set, and a typo like 1e12 must not allocate a terabyte.
const MAX_ID = 2 ** 31 - 1;

/**
 * Parses a CSV of two id columns under a header naming them. A malformed file is refused whole, with
 * the file and line in the message, rather than trained on half-read.
 */
export function parsePairs(text: string, file: string, header: readonly [string, string]): PairColumns {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0)
    throw new DatasetError(`${file} is empty: expected the header line "${header.join(',')}"`);
  const first = lines[0]!.split(',').map((cell) => cell.trim());
  if (first.length !== 2 || first[0] !== header[0] || first[1] !== header[1]) {
    const looksLikeData = first.every((cell) => ID.test(cell));
    throw new DatasetError(
      `${file}:1: ${looksLikeData ? 'missing header line' : `unexpected header "${lines[0]}"`}, expected "${header.join(',')}"`,
    );
  }
  const left = new Uint32Array(lines.length - 1);
  const right = new Uint32Array(lines.length - 1);
  for (let n = 1; n < lines.length; n++) {
    const cells = lines[n]!.split(',');
    if (cells.length !== 2) {
      throw new DatasetError(
        `${file}:${n + 1}: expected 2 columns (${header.join(',')}), found ${cells.length}`,
      );
    }
    left[n - 1] = parseId(cells[0]!, file, n + 1);
    right[n - 1] = parseId(cells[1]!, file, n + 1);
  }
  return { left, right };
}

function parseId(cell: string, file: string, line: number): number {
  const trimmed = cell.trim();
  const value = Number(trimmed);
  if (!ID.test(trimmed) || value > MAX_ID) {
    throw new DatasetError(
      `${file}:${line}: "${cell}" is not an id (a non-negative integer up to ${MAX_ID})`,
    );
  }
  return value;
}

export function readPairs(path: string, header: readonly [string, string]): PairColumns {
  return parsePairs(readFileSync(path, 'utf8'), basename(path), header);
}

/** A social-recommendation data set as the Ciao directory lays it out. */
export interface Dataset {
  userCount: number;
  itemCount: number;
  train: PairColumns;
  test: PairColumns;
  trust: PairColumns;
}

export function readDataset(dir: string): Dataset {
  const train = readPairs(join(dir, 'train_set.txt'), ['user', 'item']);
  const test = readPairs(join(dir, 'test_set.txt'), ['user', 'item']);
  const trust = readPairs(join(dir, 'trust.txt'), ['user', 'friend']);
  const userCount = 1 + Math.max(maxOf(train.left), maxOf(test.left), maxOf(trust.left), maxOf(trust.right));
  const itemCount = 1 + Math.max(maxOf(train.right), maxOf(test.right));
  return { userCount, itemCount, train, test, trust };
}

function maxOf(ids: Uint32Array): number {
  let max = -1;
  for (const id of ids) if (id > max) max = id;
  return max;
}
