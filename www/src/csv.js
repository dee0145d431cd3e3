// CSV (RFC 4180) for the export, with cells that a spreadsheet would run as
// a formula defused by a leading apostrophe; and how an export is saved (saveFile).
const FORMULA = /^[=@\t\r]|^[+-](?![\d\s().]*$)/;

export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells) => `${cells.map(csvCell).join(',')}\r\n`;

/** Saves the file at `url` (an object URL) as `name`, through a download link clicked once. */
export function saveFile(url, name) {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}
