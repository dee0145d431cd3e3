// CSV (RFC 4180) for the export, with cells that a spreadsheet would run as
// a formula defused by a leading apostrophe.
const FORMULA = /^[=@\t\r]|^[+-](?![\d\s().]*$)/;

export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells) => `${cells.map(csvCell).join(',')}\r\n`;
