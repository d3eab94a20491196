/** The platform's CSV reader (src/platform/csv.ts), and the plain field writer the tests round-trip through. */
export { type CsvParse, type CsvRecord, parseCsv } from '../../platform/csv.js';

/** One field as a CSV writer would put it: quoted when it holds a separator, a quote or a line break. */
export const csvField = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
