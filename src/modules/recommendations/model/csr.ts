// Compressed sparse rows: the neighbours of row r are cols[start[r] .. start[r + 1]), with their
// values in vals. Walks over the user–item and social graphs read these, never the raw pairs.

export interface Csr {
  rowCount: number;
  start: Uint32Array;
  cols: Uint32Array;
  vals: Float32Array;
}

/**
 * Rows from (row, col, value) triples. A pair given twice becomes one entry with the values summed,
 * so a person who bought the same thing twice counts once per pair with a heavier weight.
 */
export function buildCsr(rowCount: number, rows: Uint32Array, cols: Uint32Array, values?: Float32Array): Csr {
  const count = new Uint32Array(rowCount + 1);
  for (let e = 0; e < rows.length; e++) count[rows[e]! + 1]!++;
  for (let r = 0; r < rowCount; r++) count[r + 1]! += count[r]!;
  const fill = count.slice(0, rowCount);
  const rawCols = new Uint32Array(rows.length);
  const rawVals = new Float32Array(rows.length);
  for (let e = 0; e < rows.length; e++) {
    const at = fill[rows[e]!]!++;
    rawCols[at] = cols[e]!;
    rawVals[at] = values ? values[e]! : 1;
  }
  return dedupeRows(rowCount, count, rawCols, rawVals);
}

function dedupeRows(
  rowCount: number,
  rawStart: Uint32Array,
  rawCols: Uint32Array,
  rawVals: Float32Array,
): Csr {
  const start = new Uint32Array(rowCount + 1);
  const cols = new Uint32Array(rawCols.length);
  const vals = new Float32Array(rawCols.length);
  let out = 0;
  for (let r = 0; r < rowCount; r++) {
    start[r] = out;
    const from = rawStart[r]!;
    const to = rawStart[r + 1]!;
    const order = Array.from({ length: to - from }, (_, k) => from + k).sort(
      (a, b) => rawCols[a]! - rawCols[b]!,
    );
    for (const at of order) {
      if (out > start[r]! && cols[out - 1] === rawCols[at]) vals[out - 1]! += rawVals[at]!;
      else {
        cols[out] = rawCols[at]!;
        vals[out] = rawVals[at]!;
        out++;
      }
    }
  }
  start[rowCount] = out;
  return { rowCount, start, cols: cols.slice(0, out), vals: vals.slice(0, out) };
}

export function transpose(csr: Csr, colCount: number): Csr {
  const rows = new Uint32Array(csr.cols.length);
  for (let r = 0; r < csr.rowCount; r++) rows.fill(r, csr.start[r]!, csr.start[r + 1]!);
  return buildCsr(colCount, csr.cols, rows, csr.vals);
}

export function degree(csr: Csr, row: number): number {
  return csr.start[row + 1]! - csr.start[row]!;
}

export function csrBytes(csr: Csr): number {
  return csr.start.byteLength + csr.cols.byteLength + csr.vals.byteLength;
}
