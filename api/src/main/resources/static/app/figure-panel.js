// One figure on the page: its charts, what they were computed from (definition, window, asOf, position), the
// ethnicity recording share where it matters, CSV and other downloads, and its tables. Used by live views and by
// publications alike.
import { h, uid } from './dom.js';
import { mountChart } from './charts.js';
import { renderTable, symbolsNote } from './table.js';
import { downloadCsv, fileName } from './csv.js';
import { windowText, dateOnly, definitionRef } from './format.js';
import { setState } from './url-state.js';

/** The line under a chart saying what its numbers are. */
export function provenanceText(p) {
  const parts = [];
  if (p.definition) parts.push(`Definition ${definitionRef(p.definition)}`);
  if (p.date) parts.push(`at ${dateOnly(p.date)}`);
  else parts.push(`window: ${windowText(p.from, p.to)}${p.windowOn ? ` (${p.windowOn})` : ''}`);
  parts.push(`as of: ${p.asOf ? dateOnly(p.asOf) : 'everything reported'}`);
  if (p.position != null) parts.push(`store position ${p.position}`);
  if (p.force) parts.push(`forces: ${p.force}`);
  if (p.computedFrom) parts.push(`computed from the ${p.computedFrom}`);
  return `${parts.join('; ')}.`;
}

/**
 * fig: { title, charts: [{name, option, description, height}], tables: [model], selects: [{name, label, options:
 * [{value, label}], value}], notes: [string|Node] }
 * opts: { provenance, completeness (text), synthetic, traceable, onTrace(figureId), actions: [{label, run}],
 *         headingLevel }
 * Returns { el, mount }: call mount() once el is in the document, to draw the charts.
 */
export function figurePanel(fig, opts) {
  const headingId = uid('fig');
  const Heading = `h${opts.headingLevel ?? 2}`;
  const chartSlots = [];
  const charts = (fig.charts ?? []).map((c) => {
    const el = h('div', {
      class: 'chart', style: { height: `${c.height ?? 360}px` }, dataset: { testid: `chart-${c.name}` },
    });
    chartSlots.push([el, c]);
    return el;
  });
  const selects = (fig.selects ?? []).map((s) => {
    const id = uid('sel');
    return h('div', { class: 'field inline' },
      h('label', { for: id }, s.label),
      h('select', {
        id, name: s.name,
        onchange: (e) => setState({ [s.name]: e.target.value }),
      }, s.options.map((o) => h('option', { value: o.value, selected: String(o.value) === String(s.value) }, o.label))));
  });
  const tables = fig.tables ?? [];
  const downloads = tables.map((t, i) => h('button', {
    type: 'button', class: 'secondary',
    onclick: () => downloadCsv(t, fileName(['casetrail', t.fileStem ?? fig.name, opts.provenance?.definition
      && definitionRef(opts.provenance.definition), opts.provenance?.position != null
      && `position-${opts.provenance.position}`, tables.length > 1 && `table-${i + 1}`], 'csv')),
  }, tables.length > 1 ? `Download CSV: ${t.shortName ?? `table ${i + 1}`}` : 'Download CSV'));
  const actions = (opts.actions ?? []).map((a) => h('button', { type: 'button', class: 'secondary', onclick: a.run }, a.label));

  const el = h('section', { class: 'figure', 'aria-labelledby': headingId },
    h('div', { class: 'figure-head' },
      h(Heading, { id: headingId }, fig.title),
      opts.synthetic ? h('span', { class: 'synthetic-tag' }, 'Synthetic data') : null),
    fig.subtitle ? h('p', { class: 'lede' }, fig.subtitle) : null,
    selects.length ? h('div', { class: 'figure-selects' }, selects) : null,
    charts,
    h('p', { class: 'provenance' }, opts.provenance ? provenanceText(opts.provenance) : null,
      opts.synthetic ? ' Synthetic data: not real case data.' : null),
    opts.completeness ? h('p', { class: 'completeness' }, opts.completeness) : null,
    (fig.notes ?? []).map((n) => h('p', { class: 'note' }, n)),
    h('div', { class: 'actions' }, downloads, actions),
    tables.map((t) => renderTable(t, { traceable: opts.traceable })),
    tables.length ? symbolsNote() : null);

  function mount() {
    for (const [slot, c] of chartSlots) {
      mountChart(slot, c.option, c.description, opts.traceable && opts.onTrace ? (p) => {
        const id = p.data?.figureId;
        if (id) opts.onTrace(id);
      } : null);
    }
  }
  return { el, mount };
}
