// Nationality of suspects (SEMANTICS 6.6): UK, Non-UK, Not recorded (or by code).
import { fieldCell, cell, label, keyLabel } from '../format.js';
import { groupDims, dimColumns, dimValues, groupsOf, groupSelect, pickGroup, STAGE_OPTIONS } from './common.js';
import { measureBars } from './bars.js';

const ORDER = ['UK', 'Non-UK', 'Not recorded'];

export const nationality = {
  name: 'nationality',
  endpoint: '/api/v1/nationality',
  title: 'Nationality',
  own: [
    { name: 'stage', label: 'Stage reached', options: STAGE_OPTIONS },
    { name: 'level', label: 'Level', options: [{ value: 'group', label: 'UK / Non-UK' }, { value: 'code', label: 'Codes' }] },
  ],
  groupings: ['force', 'region', 'year', 'context'],
  publishable: false,
  windowOn: 'on the stage date',
  needsCompleteness: true,
  displayParams: ['group'],
  build(answer, { state, synthetic }) {
    const groups = groupsOf(answer, ['suspects']);
    const dims = groupDims(groups);
    const cats = [...new Set([...groups.flatMap((g) => (g.suspects ?? []).map((s) => s.nationality)), 'Not recorded'])]
      .sort((a, b) => (ORDER.indexOf(a) < 0 ? 50 : ORDER.indexOf(a)) - (ORDER.indexOf(b) < 0 ? 50 : ORDER.indexOf(b)) || a.localeCompare(b));
    const stage = label(answer.stage ?? 'RECORDED').toLowerCase();
    const cellOf = (g, cat) => { const s = (g.suspects ?? []).find((x) => x.nationality === cat); return s ? fieldCell(s, 'count') : cell(0); };
    const table = {
      caption: `Suspects ${stage} by nationality${dims.length ? `, by ${dims.join(' and ')}` : ''}`,
      fileStem: 'nationality',
      columns: [...dimColumns(dims), { key: 'cat', label: 'Nationality' }, { key: 'count', label: 'Suspects', numeric: true }],
      rows: groups.flatMap((g) => cats.map((cat) => ({ ...dimValues(g.key, dims), cat, count: cellOf(g, cat) }))),
    };
    const g = pickGroup(groups, state.group) ?? { key: {}, suspects: [] };
    const total = cats.reduce((a, c) => a + (cellOf(g, c).value ?? 0), 0);
    const nr = cellOf(g, 'Not recorded').value ?? 0;
    return {
      name: 'nationality',
      title: `Nationality of suspects ${stage}`,
      tables: [table],
      selects: groupSelect(groups, 'group', state.group, 'Group shown in the chart'),
      charts: [measureBars({ name: 'nationality', title: `Suspects ${stage} by nationality`, groups: [g], measures: cats.map((c) => ({ key: c, label: c })), cellOf, synthetic })],
      notes: [total ? `Nationality recorded for ${((1 - nr / total) * 100).toFixed(1)}% of these suspects${keyLabel(g.key) !== 'All' ? ` (${keyLabel(g.key)})` : ''}; "Not recorded" is shown, never dropped.` : 'No suspects.'],
    };
  },
};
