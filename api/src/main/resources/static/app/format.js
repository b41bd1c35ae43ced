// How numbers, dates, group keys and codes read on the page. One place, so tables, charts and CSVs agree.
import { forceName } from './forces.js';

const INTEGER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const STAGES = ['RECORDED', 'ARRESTED', 'CHARGED', 'PROSECUTED', 'CONVICTED'];

const LABELS = {
  RECORDED: 'Recorded', ARRESTED: 'Arrested', CHARGED: 'Charged', PROSECUTED: 'Prosecuted', CONVICTED: 'Convicted',
  OFFENCE: 'Offence', NFA: 'No further action', OUT_OF_COURT: 'Out of court', DISCONTINUED: 'Discontinued',
  ACQUITTED: 'Acquitted', CONVICTION_QUASHED: 'Conviction quashed', CASE_CLOSED: 'Case closed',
  CASE_REOPENED: 'Case reopened', VICTIM_RECORDED: 'Victims identified',
  GROUP_CSE: 'Group-based CSE', INTRA_FAMILIAL: 'Intra-familial', PEER_ON_PEER: 'Peer on peer', ONLINE: 'Online',
  INSTITUTIONAL: 'Institutional', OTHER: 'Other',
};

/** A code (stage, exit, context) as words. */
export function label(code) {
  return LABELS[code] ?? code;
}

/** A group key {force, region, year, context} as words: "Cumbria, 2019". */
export function keyLabel(key) {
  const parts = [];
  for (const [dim, value] of Object.entries(key ?? {})) {
    parts.push(dim === 'force' ? forceName(value) : dim === 'context' ? label(value) : String(value));
  }
  return parts.length ? parts.join(', ') : 'All';
}

export const DIMENSION_LABELS = { force: 'Force', region: 'Region', year: 'Year', context: 'Context' };

/**
 * A number cell: the value as the API gave it, its figure id, and why it is empty when it is.
 * missing: 'x' not available, 'z' not applicable; suppressed always wins ('c').
 */
export function cell(value, { figureId = null, suppressed = false, kind = 'count', missing = 'x' } = {}) {
  return { value: value ?? null, figureId, suppressed: value == null && suppressed, kind, missing };
}

/** Whether the field of an API object was suppressed for the public (null with "suppressed": true). */
export function isSuppressed(obj, field) {
  if (!obj || obj[field] != null) return false;
  if (Array.isArray(obj.suppressedFields)) return obj.suppressedFields.includes(field);
  return obj.suppressed === true;
}

/** A cell read from a field of an API object, suppression included. */
export function fieldCell(obj, field, kind = 'count', opts = {}) {
  return cell(obj?.[field], { figureId: obj?.figureId ?? null, suppressed: isSuppressed(obj, field), kind, ...opts });
}

/** The Government Statistical Service symbol of an empty cell. */
export function symbol(c) {
  if (c.value != null) return null;
  return c.suppressed ? '[c]' : c.missing === 'z' ? '[z]' : '[x]';
}

/** A cell as the page shows it: 1,234 / 27.78% / 212.28 / 157 days / [c]. */
export function display(c) {
  const s = symbol(c);
  if (s) return s;
  switch (c.kind) {
    case 'rate': return `${(Math.round(c.value * 10000) / 100).toFixed(2)}%`;
    case 'ratio': return c.value.toFixed(4);
    case 'decimal': return DECIMAL.format(c.value);
    case 'days': return `${INTEGER.format(c.value)}`;
    case 'signed': return (c.value > 0 ? '+' : c.value < 0 ? '\u2212' : '') + INTEGER.format(Math.abs(c.value));
    default: return INTEGER.format(c.value);
  }
}

/** A cell as a CSV field: the API's number unchanged, or its symbol. */
export function raw(c) {
  const s = symbol(c);
  if (s) return s;
  if (c.kind === 'rate' || c.kind === 'ratio') return c.value.toFixed(4); // the API gives rates to 4 decimals
  if (c.kind === 'decimal') return c.value.toFixed(2);
  return String(c.value);
}

export function integer(n) {
  return n == null ? '' : INTEGER.format(n);
}

export function percent(share) {
  return share == null ? '' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** An ISO instant as a readable date and time in the reader's zone. */
export function dateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' });
}

export function dateOnly(iso) {
  if (!iso) return '';
  const d = new Date(`${iso}T00:00:00Z`);
  return d.toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
}

/** The definition of an answer ({id, version}) as "grooming-gangs@1". */
export function definitionRef(def) {
  if (!def) return '';
  return typeof def === 'string' ? def : `${def.id}@${def.version}`;
}

/** "from 1 January 2015 to 31 December 2020", "all dates", "from 1 January 2015". */
export function windowText(from, to) {
  if (!from && !to) return 'all dates';
  if (from && to) return `${dateOnly(from)} to ${dateOnly(to)}`;
  return from ? `from ${dateOnly(from)}` : `up to ${dateOnly(to)}`;
}

export function isSyntheticText(text) {
  return typeof text === 'string' && /SYNTHETIC/i.test(text);
}

/** Text for ECharts' HTML tooltips: what the API says is shown, never read as markup. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
