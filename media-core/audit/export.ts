/** CSV (RFC 4180) and JSON-lines rendering of audit rows. */

/** Quotes what needs quoting, and defuses spreadsheet formulas: user agents and other
 *  fields come from the network, and a cell starting with = + - @ would run in Excel. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'string' ? v : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export function jsonLine(row: object): string {
  return `${JSON.stringify(row)}\n`;
}
