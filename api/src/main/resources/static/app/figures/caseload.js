// Caseload at a date (SEMANTICS 6.7): a stock, not a flow. Live cases, suspects under investigation or awaiting an
// outcome, victims in live cases, on one day.
import { fieldCell, dateOnly } from '../format.js';
import { groupDims, dimColumns, dimValues } from './common.js';
import { measureBars } from './bars.js';

const MEASURES = [
  { key: 'liveCases', label: 'Live cases' },
  { key: 'suspectsUnderInvestigation', label: 'Suspects under investigation' },
  { key: 'suspectsAwaitingOutcome', label: 'Suspects awaiting an outcome' },
  { key: 'victimsInLiveCases', label: 'Victims in live cases' },
];

export const caseload = {
  name: 'caseload',
  endpoint: '/api/v1/caseload',
  title: 'Caseload',
  own: [{ name: 'date', label: 'At the date', type: 'date' }],
  groupings: ['force', 'region', 'context'],
  noWindow: true,
  publishable: false,
  build(answer, { synthetic }) {
    const groups = answer.groups ?? [];
    const dims = groupDims(groups);
    const at = dateOnly(answer.date);
    const table = {
      caption: `Caseload on ${at}${dims.length ? `, by ${dims.join(' and ')}` : ''}`,
      fileStem: 'caseload',
      columns: [...dimColumns(dims), ...MEASURES.map((m) => ({ key: m.key, label: m.label, numeric: true }))],
      rows: groups.map((g) => ({ ...dimValues(g.key, dims), ...Object.fromEntries(MEASURES.map((m) => [m.key, fieldCell(g, m.key)])) })),
    };
    if (!dims.length) { table.columns.unshift({ key: 'what', label: 'On' }); table.rows.forEach((r) => { r.what = at; }); }
    return {
      name: 'caseload',
      title: `Caseload on ${at}`,
      tables: [table],
      charts: groups.length ? [measureBars({ name: 'caseload', title: `Caseload on ${at}`, groups, measures: MEASURES, cellOf: (g, k) => fieldCell(g, k), synthetic })] : [],
      notes: groups.length ? [] : ['Nothing was open on that date.'],
    };
  },
};
