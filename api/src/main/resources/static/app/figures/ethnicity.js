// Ethnicity (SEMANTICS 6.6): suspects by ethnicity and the suspect x victim matrix of (suspect, victim) pairs.
// "Not recorded" is a category of its own, always shown, never shared out.
import { fieldCell, cell, label, keyLabel, display, integer, escapeHtml } from '../format.js';
import { axisCommon, tooltip, INK, SEQUENTIAL, inkOn } from '../charts.js';
import { groupDims, dimColumns, dimValues, groupsOf, groupSelect, pickGroup, chartTitle, STAGE_OPTIONS } from './common.js';

const GROUP_ORDER = ['White', 'Mixed', 'Asian', 'Black', 'Other', 'Not recorded', 'No victim recorded'];
const NOT_RECORDED = 'Not recorded';

function ordered(categories) {
  const list = [...new Set(categories)];
  return list.sort((a, b) => {
    const ia = GROUP_ORDER.indexOf(a);
    const ib = GROUP_ORDER.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return a.localeCompare(b);
  });
}

export const SCHEME_OPTIONS = [
  { value: 'best', label: 'Best (self-defined, else officer)' },
  { value: 'self', label: 'Self-defined' },
  { value: 'officer', label: 'Officer-defined' },
];

export const ethnicity = {
  name: 'ethnicity',
  endpoint: '/api/v1/ethnicity',
  title: 'Ethnicity',
  own: [
    { name: 'stage', label: 'Stage reached', options: STAGE_OPTIONS },
    { name: 'scheme', label: 'Ethnicity scheme', options: SCHEME_OPTIONS },
    { name: 'level', label: 'Level', options: [{ value: 'group', label: 'Groups (White, Asian...)' }, { value: 'code', label: 'Codes (W1, A1...)' }] },
  ],
  groupings: ['force', 'region', 'year', 'context'],
  publishable: true,
  windowOn: 'on the stage date',
  needsCompleteness: true,
  displayParams: ['group'],
  build(answer, { state, synthetic }) {
    const groups = groupsOf(answer, ['suspects', 'pairs']);
    const dims = groupDims(groups);
    const g = pickGroup(groups, state.group) ?? { key: {}, suspects: [], pairs: [] };
    const suspectCats = ordered([...groups.flatMap((x) => (x.suspects ?? []).map((s) => s.suspectEthnicity)), NOT_RECORDED]);
    const pairSuspectCats = ordered([...(g.pairs ?? []).map((p) => p.suspectEthnicity), NOT_RECORDED]);
    const victimCats = ordered([...(g.pairs ?? []).map((p) => p.victimEthnicity), NOT_RECORDED]);
    const stage = label(answer.stage ?? 'RECORDED').toLowerCase();

    const suspects = {
      caption: `Suspects ${stage}, by ethnicity (${answer.scheme ?? 'best'} scheme)${dims.length ? `, by ${dims.join(' and ')}` : ''}`,
      shortName: 'suspects',
      fileStem: 'ethnicity-suspects',
      columns: [...dimColumns(dims), { key: 'cat', label: 'Suspect ethnicity' }, { key: 'count', label: 'Suspects', numeric: true }],
      rows: groups.flatMap((x) => suspectCats.map((cat) => {
        const found = (x.suspects ?? []).find((s) => s.suspectEthnicity === cat);
        return { ...dimValues(x.key, dims), cat, count: found ? fieldCell(found, 'count') : cell(0) };
      })),
    };
    if (!dims.length) { /* the category heads each row */ }
    const matrix = {
      caption: `(Suspect, victim) pairs by suspect ethnicity (rows) and victim ethnicity (columns)${dims.length ? `: ${keyLabel(g.key)}` : ''}`,
      shortName: 'pairs matrix',
      fileStem: 'ethnicity-pairs',
      columns: [{ key: 'cat', label: 'Suspect ethnicity \\ victim ethnicity' }, ...victimCats.map((v) => ({ key: `v:${v}`, label: v, numeric: true }))],
      rows: pairSuspectCats.map((s) => {
        const row = { cat: s };
        for (const v of victimCats) {
          const p = (g.pairs ?? []).find((x) => x.suspectEthnicity === s && x.victimEthnicity === v);
          row[`v:${v}`] = p ? fieldCell(p, 'count') : cell(0);
        }
        return row;
      }),
    };
    return {
      name: 'ethnicity',
      title: `Ethnicity of suspects ${stage} and of their victims`,
      tables: [suspects, matrix],
      selects: groupSelect(groups, 'group', state.group, 'Group shown in the charts'),
      charts: [heatmap(g, pairSuspectCats, victimCats, synthetic), suspectBars(g, synthetic, stage)],
      notes: ['"Not recorded" is shown as its own category (self-defined NS or empty, officer IC9 or empty): it is never dropped or shared out among the others. A count of 0 means no one in that category.'],
    };
  },
};

function heatmap(g, rows, cols, synthetic) {
  const data = [];
  let max = 0;
  for (const p of g.pairs ?? []) max = Math.max(max, p.count ?? 0);
  rows.forEach((s, y) => cols.forEach((v, x) => {
    const p = (g.pairs ?? []).find((q) => q.suspectEthnicity === s && q.victimEthnicity === v);
    const c = p ? fieldCell(p, 'count') : cell(0);
    const frac = max ? (c.value ?? 0) / max : 0;
    data.push({ value: [x, y, c.value ?? 0], figureId: p?.figureId, label: { formatter: display(c), color: inkOn(frac) } });
  }));
  const top = [...(g.pairs ?? [])].filter((p) => p.count != null).sort((a, b) => b.count - a.count).slice(0, 5);
  const nr = (g.pairs ?? []).filter((p) => p.suspectEthnicity === NOT_RECORDED || p.victimEthnicity === NOT_RECORDED).reduce((a, p) => a + (p.count ?? 0), 0);
  const description = `Heatmap of (suspect, victim) pairs: suspect ethnicity in rows (${rows.join(', ')}), victim ethnicity in columns (${cols.join(', ')}). `
    + `Largest cells: ${top.map((p) => `${p.suspectEthnicity} suspect with ${p.victimEthnicity} victim ${integer(p.count)}`).join('; ')}. `
    + `Pairs with a not-recorded side: ${integer(nr)}.`;
  return {
    name: 'ethnicity-matrix',
    height: Math.max(340, rows.length * 48 + 150),
    description,
    option: {
      title: chartTitle('Pairs by suspect ethnicity (rows) and victim ethnicity (columns)', synthetic, keyLabel(g.key) === 'All' ? null : keyLabel(g.key)),
      tooltip: tooltip({ formatter: (p) => escapeHtml(`Suspect ${rows[p.value[1]]}, victim ${cols[p.value[0]]}: ${p.data.label.formatter}`) }),
      grid: { left: 20, right: 96, top: 64, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: cols, name: 'victim ethnicity', nameLocation: 'middle', nameGap: 34, ...axisCommon, splitArea: { show: false }, axisLabel: { color: INK, interval: 0, hideOverlap: false } },
      yAxis: { type: 'category', data: rows, inverse: true, name: 'suspect', ...axisCommon },
      visualMap: { min: 0, max: max || 1, calculable: false, orient: 'vertical', right: 0, top: 64, itemHeight: 160, inRange: { color: SEQUENTIAL }, text: [integer(max), '0'], textStyle: { color: INK } },
      series: [{ type: 'heatmap', data, label: { show: true, fontSize: 12 }, itemStyle: { borderColor: '#ffffff', borderWidth: 2 }, emphasis: { itemStyle: { borderColor: INK, borderWidth: 2 } } }],
    },
  };
}

function suspectBars(g, synthetic, stage) {
  const cats = ordered([...(g.suspects ?? []).map((s) => s.suspectEthnicity), NOT_RECORDED]);
  const items = cats.map((cat) => {
    const s = (g.suspects ?? []).find((x) => x.suspectEthnicity === cat);
    const c = s ? fieldCell(s, 'count') : cell(0);
    return { value: c.value ?? 0, figureId: s?.figureId, label: { formatter: display(c) }, itemStyle: { color: cat === NOT_RECORDED ? '#5f6b76' : '#1f4e79' } };
  });
  return {
    name: 'ethnicity-suspects',
    height: Math.max(260, cats.length * 30 + 110),
    description: `Bar chart of suspects ${stage} by ethnicity: ${cats.map((c, i) => `${c} ${items[i].label.formatter}`).join('; ')}.`,
    option: {
      title: chartTitle(`Suspects ${stage} by ethnicity`, synthetic, keyLabel(g.key) === 'All' ? null : keyLabel(g.key)),
      grid: { left: 20, right: 72, top: 64, bottom: 24, containLabel: true },
      tooltip: tooltip(),
      xAxis: { type: 'value', ...axisCommon, axisLabel: { color: INK, formatter: (v) => integer(v) } },
      yAxis: { type: 'category', inverse: true, data: cats, ...axisCommon },
      series: [{ type: 'bar', name: 'Suspects', data: items, barMaxWidth: 22, label: { show: true, position: 'right', color: INK } }],
    },
  };
}
