// The cohort funnel (SEMANTICS 6.2): how many of a cohort reach each stage, with rates. Grouped answers are drawn as
// small multiples, one per group, on one shared scale.
import { fieldCell, label, keyLabel, display, integer } from '../format.js';
import { axisCommon, tooltip, INK } from '../charts.js';
import { groupDims, dimColumns, dimValues, option, chartTitle } from './common.js';

const UNIT_WORDS = { suspect: 'suspects', case: 'cases', victim: 'victims' };
const SHORT = { RECORDED: 'Recorded', ARRESTED: 'Arrested', CHARGED: 'Charged', PROSECUTED: 'Prosec.', CONVICTED: 'Convicted' };
const MAX_PANELS = 60;

export const funnel = {
  name: 'funnel',
  endpoint: '/api/v1/funnel',
  title: 'Funnel',
  own: [
    { name: 'entry', label: 'Entry stage', options: option(['RECORDED', 'ARRESTED']) },
    { name: 'unit', label: 'Counting', options: [{ value: 'suspect', label: 'Suspects' }, { value: 'case', label: 'Cases' }, { value: 'victim', label: 'Victims' }] },
  ],
  groupings: ['force', 'region', 'year', 'context'],
  publishable: true,
  windowOn: 'on the entry date',
  build(answer, { synthetic }) {
    const groups = answer.groups ?? [];
    const dims = groupDims(groups);
    const unit = UNIT_WORDS[answer.unit] ?? 'suspects';
    const rows = [];
    for (const g of groups) {
      for (const s of g.stages) {
        rows.push({
          ...dimValues(g.key, dims),
          stage: label(s.stage),
          count: fieldCell(s, 'count'),
          implied: fieldCell(s, 'implied'),
          rateFromPrevious: fieldCell(s, 'rateFromPrevious', 'rate', { missing: s.stage === answer.entry ? 'z' : 'x' }),
          rateFromEntry: fieldCell(s, 'rateFromEntry', 'rate'),
        });
      }
    }
    const table = {
      caption: `${capital(unit)} reaching each stage from ${label(answer.entry ?? 'RECORDED')}${dims.length ? `, by ${dims.join(' and ')}` : ''}`,
      fileStem: 'funnel',
      columns: [...dimColumns(dims), { key: 'stage', label: 'Stage' },
        { key: 'count', label: 'Count', numeric: true },
        { key: 'implied', label: 'Of which implied', numeric: true },
        { key: 'rateFromPrevious', label: 'Rate from previous stage', numeric: true },
        { key: 'rateFromEntry', label: 'Rate from entry', numeric: true }],
      rows,
    };
    const fig = {
      name: 'funnel',
      title: `Funnel: ${unit} from ${label(answer.entry ?? 'RECORDED').toLowerCase()} to convicted`,
      tables: [table],
      charts: [],
      notes: [],
    };
    if (groups.length === 1) fig.charts.push(single(groups[0], unit, synthetic));
    else if (groups.length > 1 && groups.length <= MAX_PANELS) fig.charts.push(multiples(groups, unit, synthetic));
    else if (groups.length > MAX_PANELS) fig.notes.push(`${groups.length} groups are too many to draw; the table has every one.`);
    return fig;
  },
};

function capital(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function barItem(s) {
  const c = fieldCell(s, 'count');
  const rate = fieldCell(s, 'rateFromEntry', 'rate');
  return {
    value: c.value ?? 0,
    figureId: s.figureId,
    label: { formatter: c.value == null ? display(c) : `${display(c)} (${display(rate)})` },
  };
}

function single(g, unit, synthetic) {
  const stages = g.stages;
  const description = `Bar chart of the funnel of ${unit}: ${stages.map((s) => `${label(s.stage)} ${display(fieldCell(s, 'count'))}`
    + (s.rateFromEntry != null ? ` (${display(fieldCell(s, 'rateFromEntry', 'rate'))} of entry)` : '')).join('; ')}.`;
  return {
    name: 'funnel',
    height: 340,
    description,
    option: {
      title: chartTitle(`Funnel of ${unit}`, synthetic, 'count (share of entry)'),
      grid: { left: 20, right: 120, top: 64, bottom: 24, containLabel: true },
      tooltip: tooltip(),
      xAxis: { type: 'value', ...axisCommon, name: unit, nameLocation: 'middle', nameGap: 28, axisLabel: { color: INK, formatter: (v) => integer(v) } },
      yAxis: { type: 'category', inverse: true, data: stages.map((s) => label(s.stage)), ...axisCommon },
      series: [{ type: 'bar', name: capital(unit), data: stages.map(barItem), barMaxWidth: 34, label: { show: true, position: 'right', color: INK } }],
    },
  };
}

function multiples(groups, unit, synthetic) {
  const n = groups.length;
  const width = document.getElementById('view')?.clientWidth || 1200; // panels of at least 230px
  const cols = Math.max(1, Math.min(n, 5, Math.floor(width / 230)));
  const rowsCount = Math.ceil(n / cols);
  const cellH = 158;
  const top0 = 64;
  let max = 0;
  for (const g of groups) for (const s of g.stages) max = Math.max(max, s.count ?? 0);
  const scaleMax = Math.ceil(max * 1.35) || 1;
  const option = {
    title: [chartTitle(`Funnel of ${unit}, one panel per group, on one shared scale (0 to ${integer(scaleMax)})`, synthetic, 'each bar: count')],
    tooltip: tooltip(),
    grid: [], xAxis: [], yAxis: [], series: [],
  };
  groups.forEach((g, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const left = `${(col / cols) * 100 + 1.5}%`;
    const width = `${100 / cols - 2.5}%`;
    const top = top0 + row * cellH;
    const lastStage = g.stages[g.stages.length - 1];
    const conv = lastStage ? display(fieldCell(lastStage, 'rateFromEntry', 'rate')) : '';
    option.title.push({ text: keyLabel(g.key), subtext: conv ? `${conv} ${label(lastStage.stage).toLowerCase()}` : '', left, top: top - 10, itemGap: 5, textStyle: { fontSize: 12, fontWeight: 600, color: INK }, subtextStyle: { fontSize: 11, color: '#4a5560' } });
    option.grid.push({ left, width, top: top + 28, height: cellH - 44, containLabel: true });
    option.xAxis.push({ gridIndex: i, type: 'value', max: scaleMax, axisLabel: { show: false }, splitLine: { show: false }, axisLine: { show: true, lineStyle: { color: '#4a5560' } }, axisTick: { show: false } });
    option.yAxis.push({ gridIndex: i, type: 'category', inverse: true, data: g.stages.map((s) => SHORT[s.stage] ?? label(s.stage)), ...axisCommon, axisLabel: { color: INK, fontSize: 11 } });
    option.series.push({
      type: 'bar', name: keyLabel(g.key), xAxisIndex: i, yAxisIndex: i, barMaxWidth: 16, color: '#1f4e79',
      data: g.stages.map((s) => {
        const c = fieldCell(s, 'count');
        return { value: c.value ?? 0, figureId: s.figureId, label: { formatter: display(c) } };
      }),
      label: { show: true, position: 'right', fontSize: 10, color: INK },
    });
  });
  const entryCounts = groups.map((g) => ({ g, c: g.stages[0]?.count }));
  const last = groups.map((g) => ({ g, r: g.stages[g.stages.length - 1]?.rateFromEntry })).filter((x) => x.r != null);
  last.sort((a, b) => a.r - b.r);
  const description = `Small multiples: the funnel of ${unit} for each of ${n} groups, one panel each, all on one scale from 0 to ${integer(scaleMax)}. `
    + `Largest entry: ${keyLabel(entryCounts.reduce((a, b) => ((b.c ?? 0) > (a.c ?? 0) ? b : a)).g.key)}. `
    + (last.length ? `Share reaching conviction ranges from ${display({ value: last[0].r, kind: 'rate' })} (${keyLabel(last[0].g.key)}) to ${display({ value: last[last.length - 1].r, kind: 'rate' })} (${keyLabel(last[last.length - 1].g.key)}). ` : '')
    + 'The table below gives every number.';
  return { name: 'funnel', height: top0 + rowsCount * cellH + 10, description, option };
}
