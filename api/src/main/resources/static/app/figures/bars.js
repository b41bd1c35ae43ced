// A bar chart of several measures: one group as horizontal bars, many groups as grouped bars. Shared by cold
// cases, caseload, nationality and period counts.
import { display, integer, keyLabel } from '../format.js';
import { axisCommon, tooltip, INK } from '../charts.js';
import { chartTitle } from './common.js';

/**
 * measures: [{key, label}]; cellOf(group, key) -> cell. One group: one bar per measure. Several: one bar per group
 * and measure, groups on the axis.
 */
export function measureBars({ name, title, groups, measures, cellOf, synthetic, unitNote }) {
  if (groups.length === 1) {
    const g = groups[0];
    const items = measures.map((m) => {
      const c = cellOf(g, m.key);
      return { value: c.value ?? 0, figureId: c.figureId, label: { formatter: display(c) } };
    });
    return {
      name, height: Math.max(240, measures.length * 40 + 110),
      description: `Bar chart, ${title}: ${measures.map((m, i) => `${m.label} ${items[i].label.formatter}`).join('; ')}.`,
      option: {
        title: chartTitle(title, synthetic, [keyLabel(g.key) === 'All' ? null : keyLabel(g.key), unitNote].filter(Boolean).join('  ')),
        grid: { left: 20, right: 80, top: 64, bottom: 24, containLabel: true },
        tooltip: tooltip(),
        xAxis: { type: 'value', ...axisCommon, axisLabel: { color: INK, formatter: (v) => integer(v) } },
        yAxis: { type: 'category', inverse: true, data: measures.map((m) => m.label), ...axisCommon },
        series: [{ type: 'bar', data: items, barMaxWidth: 26, color: '#1f4e79', label: { show: true, position: 'right', color: INK } }],
      },
    };
  }
  const names = groups.map((g) => keyLabel(g.key));
  const perGroup = measures.length * 12 + 10;
  return {
    name, height: Math.max(300, groups.length * perGroup + 120),
    description: `Grouped bar chart, ${title}, for ${groups.length} groups: `
      + groups.slice(0, 60).map((g) => `${keyLabel(g.key)}: ${measures.map((m) => `${m.label} ${display(cellOf(g, m.key))}`).join(', ')}`).join('; ') + '.',
    option: {
      title: chartTitle(title, synthetic, unitNote),
      legend: { top: 44, left: 0, textStyle: { color: INK } },
      grid: { left: 20, right: 56, top: 84, bottom: 24, containLabel: true },
      tooltip: tooltip(),
      xAxis: { type: 'value', ...axisCommon, axisLabel: { color: INK, formatter: (v) => integer(v) } },
      yAxis: { type: 'category', inverse: true, data: names, ...axisCommon, axisLabel: { color: INK, interval: 0 } },
      series: measures.map((m) => ({
        type: 'bar', name: m.label, barMaxWidth: 10,
        data: groups.map((g) => { const c = cellOf(g, m.key); return { value: c.value ?? 0, figureId: c.figureId, label: { formatter: display(c) } }; }),
        label: { show: groups.length <= 12, position: 'right', fontSize: 10, color: INK },
      })),
    },
  };
}
