// Lags (SEMANTICS 6.4): how long from one stage to the next, as Kaplan-Meier survival and cumulative-incidence step
// curves (exits compete), with the 30/90/180/365-day values, the classes of members and the nearest-rank quantiles.
import { fieldCell, label, keyLabel, display } from '../format.js';
import { axisCommon, tooltip, INK, MUTED, PALETTE } from '../charts.js';
import { groupDims, dimColumns, dimValues, option, chartTitle, keyId, pickGroup } from './common.js';

const HORIZONS = ['30', '90', '180', '365'];
const MAX_CURVES = 6;

export const lags = {
  name: 'lags',
  endpoint: '/api/v1/lags',
  title: 'Lags',
  own: [
    { name: 'start', label: 'From stage', options: option(['OFFENCE', 'RECORDED', 'ARRESTED', 'CHARGED', 'PROSECUTED', 'CONVICTED']), default: 'ARRESTED' },
    { name: 'end', label: 'To stage', options: option(['RECORDED', 'ARRESTED', 'CHARGED', 'PROSECUTED', 'CONVICTED']), default: 'CHARGED' },
  ],
  fixed: { curve: 'true' },
  groupings: ['force', 'region', 'year', 'context'],
  publishable: true,
  windowOn: 'on the start date',
  displayParams: ['curves', 'days'],
  build(answer, { state, synthetic }) {
    const groups = answer.groups ?? [];
    const dims = groupDims(groups);
    const start = label(answer.start);
    const end = label(answer.end);
    const classes = {
      caption: `Members by outcome, ${start.toLowerCase()} to ${end.toLowerCase()}${dims.length ? `, by ${dims.join(' and ')}` : ''}`,
      shortName: 'members by outcome',
      fileStem: 'lags-members',
      columns: [...dimColumns(dims), ...['population', 'completed', 'censored', 'competing', 'undated', 'invalid'].map((k) => ({
        key: k, label: k === 'population' ? 'Population' : k === 'competing' ? 'Competing exit' : k.charAt(0).toUpperCase() + k.slice(1), numeric: true,
      }))],
      rows: groups.map((g) => ({
        ...dimValues(g.key, dims),
        ...Object.fromEntries(['population', 'completed', 'censored', 'competing', 'undated', 'invalid'].map((k) => [k, fieldCell(g, k)])),
      })),
    };
    if (!dims.length) classes.columns.unshift({ key: 'what', label: 'Lag' });
    if (!dims.length) classes.rows.forEach((r) => { r.what = `${start} to ${end}`; });
    const times = {
      caption: `Days from ${start.toLowerCase()} to ${end.toLowerCase()}: quantiles of completed lags, Kaplan-Meier median, and share reaching ${end.toLowerCase()} within 30, 90, 180 and 365 days (exits compete)`,
      shortName: 'days and incidence',
      fileStem: 'lags-days',
      columns: [...dimColumns(dims),
        { key: 'p25', label: 'p25 (days)', numeric: true }, { key: 'p50', label: 'Median (days)', numeric: true },
        { key: 'p75', label: 'p75 (days)', numeric: true }, { key: 'p90', label: 'p90 (days)', numeric: true },
        { key: 'mean', label: 'Mean (days)', numeric: true }, { key: 'km', label: 'Kaplan-Meier median (days)', numeric: true },
        ...HORIZONS.map((d) => ({ key: `ci${d}`, label: `Within ${d} days`, numeric: true }))],
      rows: groups.map((g) => {
        const ci = g.cumulativeIncidence ?? {};
        const ciSuppressed = g.cumulativeIncidence == null && g.suppressed;
        return {
          ...dimValues(g.key, dims),
          p25: fieldCell(g, 'p25', 'days'), p50: fieldCell(g, 'p50', 'days'), p75: fieldCell(g, 'p75', 'days'),
          p90: fieldCell(g, 'p90', 'days'), mean: fieldCell(g, 'mean', 'decimal'), km: fieldCell(g, 'kaplanMeierMedian', 'days'),
          ...Object.fromEntries(HORIZONS.map((d) => [`ci${d}`, {
            value: ci[d] ?? null, figureId: g.figureId, kind: 'rate', missing: 'x',
            suppressed: ci[d] == null && (ciSuppressed || (g.suppressedFields ?? []).some((f) => f.startsWith('cumulativeIncidence'))),
          }])),
        };
      }),
    };
    if (!dims.length) { times.columns.unshift({ key: 'what', label: 'Lag' }); times.rows.forEach((r) => { r.what = `${start} to ${end}`; }); }
    const fig = {
      name: 'lags',
      title: `Lags: ${start.toLowerCase()} to ${end.toLowerCase()}`,
      tables: [classes, times],
      charts: [],
      selects: [],
      notes: ['Completed lags are events; members still waiting are censored at the as-of date, and exits (no further action, out of court, discontinued, acquitted, closed) compete. Undated and invalid members are left out of the curves.'],
    };
    const withCurve = groups.filter((g) => Array.isArray(g.curve) && g.curve.length);
    if (withCurve.length) {
      let shown = withCurve;
      if (withCurve.length > MAX_CURVES) {
        const picked = pickGroup(withCurve, state.curves);
        shown = [picked];
        fig.selects.push({ name: 'curves', label: 'Curves shown for', value: keyId(picked.key), options: withCurve.map((g) => ({ value: keyId(g.key), label: keyLabel(g.key) })) });
      }
      const lastT = Math.max(...shown.map((g) => g.curve[g.curve.length - 1].t));
      const spans = [365, 730, 1826, 3652].filter((d) => d < lastT);
      const days = spans.includes(Number(state.days)) ? Number(state.days) : state.days === 'all' ? null : (spans.includes(730) ? 730 : null);
      fig.selects.push({ name: 'days', label: 'Days shown', value: days ?? 'all', options: [...spans.map((d) => ({ value: d, label: `first ${d.toLocaleString('en-GB')} days` })), { value: 'all', label: `all (${lastT.toLocaleString('en-GB')} days)` }] });
      fig.charts.push(survivalChart(shown, start, end, synthetic, days), incidenceChart(shown, start, end, synthetic, days));
    } else if (groups.length) {
      fig.charts.push(horizonChart(groups, start, end, synthetic));
    }
    return fig;
  },
};

function stepSeries(groups, pick, first) {
  return groups.map((g, i) => ({
    type: 'line', step: 'end', name: keyLabel(g.key), showSymbol: false, lineStyle: { width: 2 },
    color: PALETTE[i % PALETTE.length],
    data: [[0, first], ...g.curve.map((p) => [p.t, pick(p)])],
  }));
}

function curveOption(title, groups, yName, series, synthetic, days) {
  return {
    title: chartTitle(title, synthetic, groups.length > 1 || keyLabel(groups[0].key) === 'All' ? null : keyLabel(groups[0].key)),
    legend: groups.length > 1 ? { top: 44, left: 0, textStyle: { color: INK } } : undefined,
    grid: { left: 20, right: 32, top: groups.length > 1 ? 84 : 64, bottom: 40, containLabel: true },
    tooltip: tooltip({ trigger: 'axis', valueFormatter: (v) => `${(v * 100).toFixed(2)}%` }),
    xAxis: { type: 'value', name: 'days', nameLocation: 'middle', nameGap: 26, min: 0, max: days ?? undefined, ...axisCommon },
    yAxis: { type: 'value', min: 0, max: 1, ...axisCommon, axisLabel: { color: INK, formatter: (v) => `${Math.round(v * 100)}%` } },
    series,
  };
}

function horizonMarks() {
  return {
    symbol: 'none', silent: true, lineStyle: { color: MUTED, type: 'dashed' },
    label: { formatter: '{c} d', color: INK, position: 'insideEndTop', fontSize: 11 },
    data: HORIZONS.map((d) => ({ xAxis: Number(d) })),
  };
}

function survivalChart(groups, start, end, synthetic, days) {
  const series = stepSeries(groups, (p) => p.survival, 1);
  series[0].markLine = horizonMarks();
  const description = `Kaplan-Meier step curve: the share not yet ${end.toLowerCase()}, by days since ${start.toLowerCase()}. `
    + groups.map((g) => `${keyLabel(g.key)}: median ${g.kaplanMeierMedian ?? 'not reached'}${g.kaplanMeierMedian != null ? ' days' : ''}, ${g.population} members`).join('; ') + '.';
  return { name: 'lags-survival', height: 360, description, option: curveOption(`Kaplan-Meier: share not yet ${end.toLowerCase()}`, groups, 'not yet', series, synthetic, days) };
}

function incidenceChart(groups, start, end, synthetic, days) {
  const series = stepSeries(groups, (p) => p.cumulativeIncidence, 0);
  series[0].markLine = horizonMarks();
  if (groups.length === 1 && groups[0].cumulativeIncidence) {
    series[0].markPoint = {
      symbol: 'circle', symbolSize: 8, itemStyle: { color: INK },
      label: { position: 'top', color: INK, fontSize: 11, formatter: (p) => `${(p.value * 100).toFixed(2)}%` },
      data: HORIZONS.filter((d) => groups[0].cumulativeIncidence[d] != null)
        .map((d) => ({ coord: [Number(d), groups[0].cumulativeIncidence[d]], value: groups[0].cumulativeIncidence[d] })),
    };
  }
  const description = `Cumulative incidence step curve: the share ${end.toLowerCase()} by days since ${start.toLowerCase()}, with exits competing. `
    + groups.map((g) => `${keyLabel(g.key)}: ${HORIZONS.map((d) => `${d} days ${display({ value: g.cumulativeIncidence?.[d] ?? null, kind: 'rate' })}`).join(', ')}`).join('; ') + '.';
  return { name: 'lags-incidence', height: 360, description, option: curveOption(`Cumulative incidence of ${end.toLowerCase()} (exits compete)`, groups, 'reached', series, synthetic, days) };
}

/** Without curves (a publication): the share reaching the end within 90 and 365 days, per group. */
function horizonChart(groups, start, end, synthetic) {
  const names = groups.map((g) => keyLabel(g.key));
  const item = (g, d) => {
    const v = g.cumulativeIncidence?.[d];
    return { value: v ?? 0, figureId: g.figureId, label: { formatter: v == null ? (g.suppressed ? '[c]' : '[x]') : `${(v * 100).toFixed(1)}%` } };
  };
  const description = `Bar chart: share of each group ${end.toLowerCase()} within 90 and 365 days of ${start.toLowerCase()}. `
    + groups.map((g) => `${keyLabel(g.key)}: ${display({ value: g.cumulativeIncidence?.['90'] ?? null, kind: 'rate', suppressed: g.suppressed })} and ${display({ value: g.cumulativeIncidence?.['365'] ?? null, kind: 'rate', suppressed: g.suppressed })}`).join('; ') + '.';
  return {
    name: 'lags-horizons',
    height: Math.max(260, groups.length * 34 + 110),
    description,
    option: {
      title: chartTitle(`Share ${end.toLowerCase()} within 90 and 365 days of ${start.toLowerCase()}`, synthetic),
      legend: { top: 44, left: 0, textStyle: { color: INK } },
      grid: { left: 20, right: 56, top: 80, bottom: 24, containLabel: true },
      tooltip: tooltip(),
      xAxis: { type: 'value', min: 0, max: 1, ...axisCommon, axisLabel: { color: INK, formatter: (v) => `${Math.round(v * 100)}%` } },
      yAxis: { type: 'category', inverse: true, data: names, ...axisCommon },
      series: ['90', '365'].map((d) => ({
        type: 'bar', name: `within ${d} days`, data: groups.map((g) => item(g, d)), barMaxWidth: 12,
        label: { show: true, position: 'right', fontSize: 10, color: INK },
      })),
    },
  };
}
