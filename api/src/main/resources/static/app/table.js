// Table rendering: every figure's numbers as a real <table> with a caption and scoped headers. A number cell keeps
// its figure id (data-figure-id); when the reader may trace it, it is a button that asks for the trace.
import { h, uid } from './dom.js';
import { display, symbol } from './format.js';

const SYMBOL_TITLES = {
  '[c]': 'suppressed to protect people',
  '[x]': 'not available',
  '[z]': 'not applicable',
};

/**
 * model: { caption, columns: [{key, label, numeric}], rows: [{[key]: string | cell}], testid }
 * The first non-numeric column heads each row.
 */
export function renderTable(model, { traceable = false } = {}) {
  const captionId = uid('caption');
  const headKey = model.columns.find((c) => !c.numeric)?.key;
  const thead = h('thead', {}, h('tr', {}, model.columns.map((c) => h('th', {
    scope: 'col', class: c.numeric ? 'num' : null,
  }, c.label))));
  const tbody = h('tbody', {}, model.rows.map((row) => h('tr', {}, model.columns.map((c) => {
    const v = row[c.key];
    if (!c.numeric) {
      return c.key === headKey ? h('th', { scope: 'row' }, v ?? '') : h('td', {}, v ?? '');
    }
    return numberCell(v, traceable, row, model.columns, c);
  }))));
  const table = h('table', { class: 'figure-table', dataset: { testid: model.testid ?? 'figure-table' } },
    h('caption', { id: captionId }, model.caption), thead, tbody);
  return h('div', {
    class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `Table: ${model.caption}`,
  }, table);
}

function numberCell(c, traceable, row, columns, column) {
  if (c == null) return h('td', { class: 'num' }, '');
  const text = display(c);
  const sym = symbol(c);
  const content = sym ? h('abbr', { title: SYMBOL_TITLES[sym] }, sym) : text;
  const attrs = { class: `num${sym ? ' empty' : ''}` };
  if (!c.figureId) return h('td', attrs, content);
  attrs.dataset = { figureId: c.figureId, testid: 'figure-cell' };
  if (!traceable) return h('td', attrs, content);
  const what = columns.filter((x) => !x.numeric).map((x) => row[x.key]).filter(Boolean).join(', ');
  return h('td', attrs, h('button', {
    type: 'button', class: 'trace-link', dataset: { trace: c.figureId },
    'aria-label': `${text}: ${what}${what ? ', ' : ''}${column.label}. Show its trace`,
  }, content));
}

/** The note under every table of published or live figures. */
export function symbolsNote() {
  return h('p', { class: 'symbols-note' },
    h('strong', {}, 'Symbols: '), '[c] suppressed to protect people (a count of 1 to 4, or a cell that would reveal one); ',
    '[x] not available; [z] not applicable.');
}
