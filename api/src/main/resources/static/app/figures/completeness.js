// Ethnicity recording completeness (SEMANTICS 6.6): of the suspects, how many have self-defined ethnicity, only
// officer-defined, or neither. By force it is drawn as a tile map of the 43 forces (a grid, not boundaries).
import { fieldCell, keyLabel, display, percent, integer, label, escapeHtml } from '../format.js';
import { tooltip, INK, SEQUENTIAL, inkOn } from '../charts.js';
import { FORCES, GRID, forceName } from '../forces.js';
import { groupDims, dimColumns, dimValues, chartTitle, STAGE_OPTIONS } from './common.js';

export const completeness = {
  name: 'ethnicity-completeness',
  endpoint: '/api/v1/ethnicity/completeness',
  title: 'Ethnicity recording',
  own: [{ name: 'stage', label: 'Stage reached', options: STAGE_OPTIONS }],
  groupings: ['force', 'region', 'year', 'context'],
  defaultGroupBy: 'force',
  publishable: true,
  windowOn: 'on the stage date',
  displayParams: ['year'],
  build(answer, { state, synthetic }) {
    const groups = answer.groups ?? [];
    const dims = groupDims(groups);
    const stage = label(answer.stage ?? 'RECORDED').toLowerCase();
    const table = {
      caption: `Ethnicity recorded for suspects ${stage}${dims.length ? `, by ${dims.join(' and ')}` : ''}`,
      fileStem: 'ethnicity-completeness',
      columns: [...dimColumns(dims),
        { key: 'selfDefined', label: 'Self-defined', numeric: true }, { key: 'officerOnly', label: 'Officer-defined only', numeric: true },
        { key: 'notRecorded', label: 'Not recorded', numeric: true }, { key: 'total', label: 'Suspects', numeric: true },
        { key: 'shareRecorded', label: 'Share recorded', numeric: true }],
      rows: groups.map((g) => ({
        ...dimValues(g.key, dims),
        selfDefined: fieldCell(g, 'selfDefined'), officerOnly: fieldCell(g, 'officerOnly'), notRecorded: fieldCell(g, 'notRecorded'),
        total: fieldCell(g, 'total'), shareRecorded: fieldCell(g, 'shareRecorded', 'rate'),
      })),
    };
    if (!dims.length) { table.columns.unshift({ key: 'what', label: 'Suspects' }); table.rows.forEach((r) => { r.what = 'All'; }); }
    const fig = { name: 'completeness', title: `Ethnicity recording of suspects ${stage}`, tables: [table], charts: [], selects: [], notes: [] };
    const mapDims = dims.filter((d) => d !== 'year');
    if (dims.includes('force') && mapDims.length === 1) {
      let shown = groups;
      let year = null;
      if (dims.includes('year')) {
        const years = [...new Set(groups.map((g) => g.key.year))].sort((a, b) => b - a);
        year = years.includes(Number(state.year)) ? Number(state.year) : years[0];
        shown = groups.filter((g) => g.key.year === year);
        fig.selects.push({ name: 'year', label: 'Year shown on the map', value: year, options: years.map((y) => ({ value: y, label: String(y) })) });
      }
      fig.charts.push(tileMap(shown, year, stage, synthetic));
    } else if (groups.length) {
      fig.notes.push('The tile map needs the figure grouped by force (and, at most, year).');
    }
    return fig;
  },
};

function tileMap(groups, year, stage, synthetic) {
  const byCode = new Map(groups.map((g) => [g.key.force, g]));
  const data = FORCES.map((f) => {
    const g = byCode.get(f.code);
    const share = g ? fieldCell(g, 'shareRecorded', 'rate') : null;
    const v = share?.value;
    const text = !g ? 'none' : v == null ? display(share) : percent(v);
    return {
      value: [f.col, f.row, v ?? -1],
      figureId: g?.figureId,
      name: f.name,
      label: { formatter: `${f.short}\n${text}`, color: v == null ? INK : inkOn(v) },
      tip: `${f.name}: ${g ? `${text} recorded of ${display(fieldCell(g, 'total'))} suspects` : 'no suspects'}`,
    };
  });
  const ranked = groups.filter((g) => g.shareRecorded != null).sort((a, b) => a.shareRecorded - b.shareRecorded);
  const description = `Tile map of the 43 police forces of England and Wales, each tile placed roughly where the force is, shaded by the share of suspects ${stage} with ethnicity recorded${year ? ` in ${year}` : ''}. `
    + (ranked.length ? `Lowest: ${forceName(ranked[0].key.force)} ${percent(ranked[0].shareRecorded)}; highest: ${forceName(ranked[ranked.length - 1].key.force)} ${percent(ranked[ranked.length - 1].shareRecorded)}. ` : '')
    + `${43 - groups.length} forces have no suspects in the figure or are not shown. The table gives every force.`;
  return {
    name: 'completeness-tilemap',
    height: GRID.rows * 56 + 84,
    description,
    option: {
      title: chartTitle(`Share of suspects with ethnicity recorded, by force${year ? `, ${year}` : ''}`, synthetic, 'tile map: each tile one force, placed roughly where it is'),
      tooltip: tooltip({ formatter: (p) => escapeHtml(p.data.tip) }),
      grid: { left: 0, top: 70, width: GRID.cols * 92, height: GRID.rows * 56 },
      xAxis: { type: 'category', data: [...Array(GRID.cols).keys()], show: false },
      yAxis: { type: 'category', data: [...Array(GRID.rows).keys()], inverse: true, show: false },
      visualMap: {
        min: 0, max: 1, calculable: false, orient: 'vertical', left: GRID.cols * 92 + 24, top: 80, itemHeight: 180,
        inRange: { color: SEQUENTIAL }, outOfRange: { color: '#d5dae0' }, text: ['100% recorded', '0%'], textStyle: { color: INK },
        formatter: (v) => `${Math.round(v * 100)}%`,
      },
      series: [{
        type: 'heatmap', name: 'Share recorded', data,
        label: { show: true, fontSize: 11, lineHeight: 14 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 3 },
        emphasis: { itemStyle: { borderColor: INK, borderWidth: 2 } },
      }],
    },
  };
}

/** One line for other views: what share of the figure's suspects have ethnicity recorded. */
export function completenessLine(answer, what = 'the suspects in this figure') {
  const g = (answer?.groups ?? [])[0];
  if (!g) return null;
  if (g.shareRecorded == null) return `Ethnicity recorded for ${what}: ${display(fieldCell(g, 'shareRecorded', 'rate'))}.`;
  return `Ethnicity recorded for ${percent(g.shareRecorded)} of ${what} (${integer(g.total)} suspects: ${integer(g.selfDefined)} self-defined, `
    + `${integer(g.officerOnly)} officer-defined only, ${integer(g.notRecorded)} not recorded${keyLabel(g.key) !== 'All' ? `; ${keyLabel(g.key)}` : ''}).`;
}
