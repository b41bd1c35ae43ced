// Cold cases (SEMANTICS 6.5): cases reopened after a closing (e.g. Operation Beaconport), how long they lay closed,
// and what followed: suspects arrested, charged, convicted after the reopening, cases closed again.
import { fieldCell } from '../format.js';
import { groupDims, dimColumns, dimValues } from './common.js';
import { measureBars } from './bars.js';

const FOLLOWED = [
  { key: 'reopened', label: 'Cases reopened' },
  { key: 'arrestedAfter', label: 'Suspects arrested after' },
  { key: 'chargedAfter', label: 'Suspects charged after' },
  { key: 'convictedAfter', label: 'Suspects convicted after' },
  { key: 'reclosed', label: 'Cases closed again' },
];

export const coldCases = {
  name: 'cold-cases',
  endpoint: '/api/v1/cold-cases',
  title: 'Cold cases',
  own: [{ name: 'operation', label: 'Operation', type: 'text', default: 'BEACONPORT', pattern: '[A-Za-z0-9_-]*' }],
  groupings: ['force', 'region', 'year', 'context'],
  publishable: true,
  windowOn: 'on the reopening date',
  build(answer, { synthetic }) {
    const groups = answer.groups ?? [];
    const dims = groupDims(groups);
    const op = answer.operation ? `Operation ${answer.operation.charAt(0)}${answer.operation.slice(1).toLowerCase()}` : 'any operation';
    const table = {
      caption: `Cold cases reopened (${op}) and what followed${dims.length ? `, by ${dims.join(' and ')}` : ''}`,
      fileStem: 'cold-cases',
      columns: [...dimColumns(dims), { key: 'reopened', label: 'Cases reopened', numeric: true },
        { key: 'medianDaysClosed', label: 'Median days closed', numeric: true },
        ...FOLLOWED.slice(1).map((m) => ({ key: m.key, label: m.label, numeric: true }))],
      rows: groups.map((g) => ({
        ...dimValues(g.key, dims),
        reopened: fieldCell(g, 'reopened'), medianDaysClosed: fieldCell(g, 'medianDaysClosed', 'days'),
        arrestedAfter: fieldCell(g, 'arrestedAfter'), chargedAfter: fieldCell(g, 'chargedAfter'),
        convictedAfter: fieldCell(g, 'convictedAfter'), reclosed: fieldCell(g, 'reclosed'),
      })),
    };
    if (!dims.length) { table.columns.unshift({ key: 'what', label: 'Cold cases' }); table.rows.forEach((r) => { r.what = op; }); }
    return {
      name: 'cold-cases',
      title: `Cold cases: ${op}, and what followed`,
      tables: [table],
      charts: groups.length ? [measureBars({
        name: 'cold-cases', title: `Reopened cases (${op}) and what followed`, groups, measures: FOLLOWED,
        cellOf: (g, k) => fieldCell(g, k), synthetic, unitNote: 'cases reopened and reclosed; suspects arrested, charged, convicted after reopening',
      })] : [],
      notes: groups.length ? [] : ['No reopened case matches.'],
    };
  },
};
