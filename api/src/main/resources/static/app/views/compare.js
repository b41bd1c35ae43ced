// Compare: one figure computed twice at the same store position, side a and side b (two definitions, or two
// periods), every number side by side with the difference b - a and the ratio b / a.
import { h, clear, uid } from '../dom.js';
import { getJson, getFile } from '../api.js';
import { setState } from '../url-state.js';
import { readsFigures } from '../auth.js';
import { loadDefinitions } from '../definitions.js';
import { definitionSelect, forceSelect, groupByFieldset, keepCleared, ownControl, ownValue, readForm, select } from '../controls.js';
import { figurePanel } from '../figure-panel.js';
import { FIGURE_BY_NAME } from '../figures/index.js';
import { groupDims } from '../figures/common.js';
import { cell, label, windowText, dateOnly, display, DIMENSION_LABELS, integer, keyLabel } from '../format.js';
import { axisCommon, tooltip, INK } from '../charts.js';
import { chartTitle } from '../figures/common.js';
import { downloadBlob, fileName } from '../csv.js';
import { isSynthetic } from '../notice.js';
import { signInPrompt } from './signin-prompt.js';

const FIGURES = ['funnel', 'period-counts', 'lags', 'cold-cases', 'ethnicity', 'ethnicity-completeness', 'nationality', 'caseload'];
const SIDE_FIELDS = ['from', 'to', 'asOf', 'date'];
let cached = null;

function field(text, control, hint) {
  const id = uid('c');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, text), control, hint ? h('span', { class: 'hint' }, hint) : null);
}

function dateInput(name, value) {
  return h('input', { type: 'date', name, value: value ?? '' });
}

function params(state, figure) {
  const p = { figure: figure.name };
  for (const k of ['a', 'b', 'definition', 'position', 'force', ...SIDE_FIELDS.flatMap((f) => [`a.${f}`, `b.${f}`])]) if (state[k]) p[k] = state[k];
  if (state.groupBy && state.groupBy !== 'none') p.groupBy = state.groupBy;
  for (const o of figure.own ?? []) { const v = ownValue(o, state); if (v) p[o.name] = v; }
  return p;
}

function controlsFor(figure, state, defs) {
  const side = (s) => h('fieldset', { class: 'side' }, h('legend', {}, `Side ${s}`),
    field('Definition', definitionSelect(s, defs, state[s])),
    figure.noWindow ? null : field('From', dateInput(`${s}.from`, state[`${s}.from`])),
    figure.noWindow ? null : field('To', dateInput(`${s}.to`, state[`${s}.to`])),
    field('As of', dateInput(`${s}.asOf`, state[`${s}.asOf`])),
    figure.name === 'caseload' ? field('At the date', dateInput(`${s}.date`, state[`${s}.date`])) : null);
  const own = (figure.own ?? []).filter((p) => p.name !== 'date').map((p) => ownControl(p, state));
  const names = ['figure', 'a', 'b', 'position', 'force', ...SIDE_FIELDS.flatMap((f) => [`a.${f}`, `b.${f}`]), ...(figure.own ?? []).map((p) => p.name)];
  const figSelect = select('figure', FIGURES.map((f) => ({ value: f, label: FIGURE_BY_NAME.get(f).title })), figure.name);
  const form = h('form', { class: 'controls', 'aria-label': 'Comparison query' },
    h('div', { class: 'control-row' }, field('Figure', figSelect), own,
      field('Store position', h('input', { type: 'number', name: 'position', value: state.position ?? '', min: '0', step: '1' }), 'pinned; empty: latest'),
      field('Force', forceSelect(state.force))),
    h('div', { class: 'control-row sides' }, side('a'), side('b')),
    h('div', { class: 'control-row' }, groupByFieldset(figure.groupings ?? [], state.groupBy ?? ''),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Compare'),
        h('button', { type: 'button', class: 'secondary', onclick: () => setState({ position: null }) }, 'Use the latest position'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const patch = keepCleared(figure, readForm(form, names));
    setState({ ...patch, measure: null, row: null });
  });
  figSelect.addEventListener('change', () => setState({ figure: figSelect.value, measure: null, row: null }));
  return form;
}

function sideText(s) {
  const p = s?.parameters ?? {};
  const when = p.date ? `at ${dateOnly(p.date)}` : windowText(p.from, p.to);
  return `${s?.id}@${s?.version}, ${when}${p.asOf ? `, as of ${dateOnly(p.asOf)}` : ''}`;
}

export async function renderCompare(state, { controls, view, signal }) {
  if (!readsFigures()) { clear(controls); clear(view).append(signInPrompt('Compare')); return; }
  const figure = FIGURE_BY_NAME.get(state.figure ?? 'period-counts') ?? FIGURE_BY_NAME.get('funnel');
  const p = params(state, figure);
  const key = JSON.stringify(p);
  let answer = cached?.key === key ? cached.answer : null;
  // Asked at once, while the definitions for the form load.
  const pending = answer ? null : getJson('/api/v1/compare', p, { signal });
  pending?.catch(() => {}); // its failure is reported where it is awaited, below
  const defs = await loadDefinitions();
  clear(controls).append(controlsFor(figure, state, defs));
  if (!answer) {
    clear(view).append(h('p', { class: 'loading' }, 'Computing both sides\u2026'));
    answer = await pending;
    const pinned = { ...p, position: String(answer.position) };
    cached = { key: JSON.stringify(pinned), answer };
    if (String(state.position ?? '') !== String(answer.position)) {
      setState({ position: answer.position }, { replace: true, silent: true });
      const pos = controls.querySelector('input[name="position"]');
      if (pos) pos.value = answer.position;
    }
  }
  const built = buildComparison(answer, state, figure);
  const panel = figurePanel(built, {
    provenance: { position: answer.position, definition: null, from: null, to: null },
    synthetic: isSynthetic(),
    traceable: false,
    actions: [{
      label: 'Download every measure (CSV from the API)',
      run: async () => {
        const { blob, filename } = await getFile('/api/v1/compare', { ...p, position: answer.position, format: 'csv' }, { accept: 'text/csv' });
        downloadBlob(blob, filename ?? fileName(['casetrail', 'compare', figure.name, `position-${answer.position}`], 'csv'));
      },
    }],
  });
  panel.el.querySelector('.provenance').textContent = `Side a: ${sideText(answer.a)}. Side b: ${sideText(answer.b)}. Both at store position ${answer.position}.${isSynthetic() ? ' Synthetic data: not real case data.' : ''}`;
  clear(view).append(panel.el);
  panel.mount();
}

function buildComparison(answer, state, figure) {
  const rows = answer.rows ?? [];
  const measures = [...new Set(rows.flatMap((r) => r.cells.map((c) => c.measure)))];
  const measure = measures.includes(state.measure) ? state.measure : measures[0];
  const labelKeys = [...new Set(rows.flatMap((r) => Object.keys(r.labels ?? {})))];
  const selects = [{ name: 'measure', label: 'Measure', value: measure, options: measures.map((m) => ({ value: m, label: m })) }];
  let shown = rows;
  let rowKeys = labelKeys;
  const splitKey = labelKeys.length > 1 ? labelKeys.find((k) => ['stage', 'suspectEthnicity', 'nationality'].includes(k)) : null;
  let splitValue = null;
  if (splitKey) {
    const values = [...new Set(rows.map((r) => r.labels[splitKey]))];
    splitValue = values.map(String).includes(state.row) ? state.row : String(values[0]);
    selects.push({ name: 'row', label: splitKey === 'stage' ? 'Stage' : splitKey, value: splitValue, options: values.map((v) => ({ value: v, label: splitKey === 'stage' ? label(v) : String(v) })) });
    shown = rows.filter((r) => String(r.labels[splitKey]) === splitValue);
    rowKeys = labelKeys.filter((k) => k !== splitKey);
  }
  const rowLabel = (r) => rowKeys.map((k) => (k === 'stage' ? label(r.labels[k]) : keyLabel({ [k]: r.labels[k] }))).join(', ') || 'All';
  const cellOf = (r) => r.cells.find((c) => c.measure === measure) ?? {};
  const table = {
    caption: `${figure.title}: ${measure}${splitValue ? ` (${splitKey === 'stage' ? label(splitValue) : splitValue})` : ''}, side a and side b, difference b \u2212 a and ratio b / a`,
    fileStem: `compare-${figure.name}-${measure}`,
    columns: [{ key: 'row', label: rowKeys.length ? rowKeys.map((k) => DIMENSION_LABELS[k] ?? (k === 'stage' ? 'Stage' : k)).join(', ') : 'Row' },
      { key: 'a', label: 'a', numeric: true }, { key: 'b', label: 'b', numeric: true },
      { key: 'difference', label: 'Difference (b \u2212 a)', numeric: true }, { key: 'ratio', label: 'Ratio (b / a)', numeric: true }],
    rows: shown.map((r) => {
      const c = cellOf(r);
      const kind = /rate|share|cumulative/i.test(measure) ? 'rate' : /mean/i.test(measure) ? 'decimal' : 'count';
      return {
        row: rowLabel(r), a: cell(c.a, { kind }), b: cell(c.b, { kind }),
        difference: cell(c.difference, { kind: kind === 'count' ? 'signed' : kind === 'rate' ? 'ratio' : kind }),
        ratio: cell(c.ratio, { kind: 'ratio', missing: c.a === 0 ? 'z' : 'x' }),
      };
    }),
  };
  const names = shown.map(rowLabel);
  const description = `Grouped bars of ${measure} for side a and side b${splitValue ? `, ${label(splitValue)}` : ''}: `
    + shown.slice(0, 50).map((r, i) => `${names[i]}: a ${display(cell(cellOf(r).a))}, b ${display(cell(cellOf(r).b))}`).join('; ') + '.';
  const isRate = /rate|share|cumulative/i.test(measure);
  const chart = {
    name: 'compare',
    height: Math.max(260, shown.length * 30 + 130),
    description,
    option: {
      title: chartTitle(`${figure.title}: ${measure}${splitValue ? `, ${label(splitValue)}` : ''}, a and b`, isSynthetic()),
      legend: { top: 44, left: 0, textStyle: { color: INK } },
      grid: { left: 20, right: 64, top: 84, bottom: 24, containLabel: true },
      tooltip: tooltip({ trigger: 'axis', axisPointer: { type: 'shadow' } }),
      xAxis: { type: 'value', ...axisCommon, axisLabel: { color: INK, formatter: (v) => (isRate ? `${Math.round(v * 100)}%` : integer(v)) } },
      yAxis: { type: 'category', inverse: true, data: names, ...axisCommon, axisLabel: { color: INK, interval: 0 } },
      series: ['a', 'b'].map((s) => ({
        type: 'bar', name: `${s}: ${sideText(answer[s])}`, barMaxWidth: 12,
        data: shown.map((r) => cellOf(r)[s] ?? 0),
        label: { show: shown.length <= 15, position: 'right', fontSize: 10, color: INK },
      })),
    },
  };
  return {
    name: 'compare',
    title: `Compare ${figure.title.toLowerCase()}: a against b`,
    selects,
    tables: [table],
    charts: shown.length && shown.length <= 60 ? [chart] : [],
    notes: [shown.length > 60 ? `${shown.length} rows are too many to draw; the table has every one.` : null,
      'Ratio is b / a to 4 decimals; [z] where a is 0, [x] where a side has no number.'].filter(Boolean),
  };
}
