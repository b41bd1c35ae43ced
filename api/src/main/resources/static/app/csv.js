// CSV: a table model written out with exactly the numbers the table shows (the API's values, and its symbols for
// empty cells), and downloads of files the API makes. One place for both.
import { raw } from './format.js';

function field(value) {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && Number.isNaN(Number(s))) s = `'${s}`; // a spreadsheet would run it as a formula
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The table's numbers as CSV; a figureId column when each row has one figure id. */
export function tableToCsv(model) {
  const numeric = model.columns.filter((c) => c.numeric);
  const ids = model.rows.map((r) => new Set(numeric.map((c) => r[c.key]?.figureId).filter(Boolean)));
  const withIds = ids.some((s) => s.size) && ids.every((s) => s.size <= 1);
  const header = model.columns.map((c) => field(c.label));
  if (withIds) header.push('figureId');
  const lines = [header.join(',')];
  model.rows.forEach((r, i) => {
    const out = model.columns.map((c) => field(c.numeric ? (r[c.key] ? raw(r[c.key]) : '') : r[c.key]));
    if (withIds) out.push(field([...ids[i]][0] ?? ''));
    lines.push(out.join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}

export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function downloadCsv(model, filename) {
  downloadBlob(new Blob([tableToCsv(model)], { type: 'text/csv;charset=utf-8' }), filename);
}

/** A safe file name from parts: casetrail-funnel-grooming-gangs@1-position-195649.csv */
export function fileName(parts, ext) {
  const base = parts.filter(Boolean).join('-').replace(/[^A-Za-z0-9@._-]+/g, '-').replace(/-+/g, '-');
  return `${base}.${ext}`;
}
