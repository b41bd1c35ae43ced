// What the figure modules share: group keys as table columns, the group picked for a chart, option lists.
import { DIMENSION_LABELS, keyLabel, label, STAGES } from '../format.js';
import { forceName } from '../forces.js';

/** The dimensions the groups are keyed by, in the order they first appear. */
export function groupDims(groups) {
  const dims = [];
  for (const g of groups ?? []) for (const d of Object.keys(g.key ?? {})) if (!dims.includes(d)) dims.push(d);
  const order = ['force', 'region', 'year', 'context'];
  return dims.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export function dimColumns(dims) {
  return dims.map((d) => ({ key: `dim:${d}`, label: DIMENSION_LABELS[d] ?? d }));
}

export function dimValues(key, dims) {
  const out = {};
  for (const d of dims) {
    const v = key?.[d];
    out[`dim:${d}`] = v == null ? '' : d === 'force' ? forceName(v) : d === 'context' ? label(v) : String(v);
  }
  return out;
}

/** A stable string for a group key, for select values and the URL. */
export function keyId(key) {
  return Object.entries(key ?? {}).map(([k, v]) => `${k}:${v}`).join('|') || 'all';
}

/** The group a chart shows: the one named in the URL (param), else the first. */
export function pickGroup(groups, wanted) {
  return groups.find((g) => keyId(g.key) === wanted) ?? groups[0];
}

export function groupSelect(groups, name, wanted, labelText = 'Group shown in the chart') {
  if (!groups || groups.length < 2) return [];
  return [{
    name, label: labelText, value: keyId(pickGroup(groups, wanted).key),
    options: groups.map((g) => ({ value: keyId(g.key), label: keyLabel(g.key) })),
  }];
}

export const option = (values, fmt = label) => values.map((v) => ({ value: v, label: fmt(v) }));

export const STAGE_OPTIONS = option(STAGES);

/** The groups of an answer: its groups, or the answer itself as one group keyed {}. */
export function groupsOf(answer, fields) {
  if (Array.isArray(answer.groups)) return answer.groups;
  const g = { key: {} };
  for (const f of fields) g[f] = answer[f];
  return [g];
}

/** The text of a chart's title: the figure, then the mark of synthetic data when it is. */
export function chartTitle(text, synthetic, sub) {
  return {
    text,
    subtext: [sub, synthetic ? 'SYNTHETIC DATA: not real case data' : null].filter(Boolean).join('  \u2022  '),
    left: 0,
    textStyle: { fontSize: 14, fontWeight: 600, color: '#1b1f23' },
    subtextStyle: { fontSize: 12, color: '#4a5560' },
  };
}
