// Period counts (SEMANTICS 6.3): how many reached each stage or exit within the window, directly.
import { fieldCell, label, keyLabel } from '../format.js';
import { groupDims, dimColumns, dimValues, groupSelect, pickGroup } from './common.js';
import { measureBars } from './bars.js';

export const periodCounts = {
  name: 'period-counts',
  endpoint: '/api/v1/period-counts',
  title: 'Period counts',
  own: [{ name: 'unit', label: 'Counting', options: [{ value: 'suspect', label: 'Suspects' }, { value: 'case', label: 'Cases' }, { value: 'victim', label: 'Victims' }] }],
  groupings: ['force', 'region', 'year', 'context'],
  publishable: true,
  windowOn: 'on the event date',
  displayParams: ['group'],
  build(answer, { state, synthetic }) {
    const groups = answer.groups ?? [];
    const dims = groupDims(groups);
    const table = {
      caption: `Stages and exits reached in the window${dims.length ? `, by ${dims.join(' and ')}` : ''}`,
      fileStem: 'period-counts',
      columns: [...dimColumns(dims), { key: 'stage', label: 'Stage or exit' }, { key: 'count', label: 'Count', numeric: true }],
      rows: groups.flatMap((g) => g.counts.map((c) => ({ ...dimValues(g.key, dims), stage: label(c.stage), count: fieldCell(c, 'count') }))),
    };
    const g = pickGroup(groups, state.group);
    return {
      name: 'period-counts',
      title: 'Period counts: stages and exits reached in the window',
      tables: [table],
      selects: groupSelect(groups, 'group', state.group),
      charts: g ? [measureBars({
        name: 'period-counts', title: `Reached in the window${keyLabel(g.key) !== 'All' ? `: ${keyLabel(g.key)}` : ''}`, groups: [{ ...g, key: {} }],
        measures: g.counts.map((c) => ({ key: c.stage, label: label(c.stage) })),
        cellOf: (x, k) => fieldCell(x.counts.find((c) => c.stage === k), 'count'), synthetic,
      })] : [],
    };
  },
};
