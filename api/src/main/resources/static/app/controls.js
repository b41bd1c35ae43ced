// The query form of a live view: definition and version, window, asOf, pinned position, force filter, grouping and
// the figure's own parameters. Submitting it writes the URL; the URL is the state.
import { h, uid } from './dom.js';
import { setState } from './url-state.js';
import { forcesByName } from './forces.js';
import { definitionOptions } from './definitions.js';
import { DIMENSION_LABELS } from './format.js';

function field(labelText, control, hint) {
  const id = control.id || uid('f');
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: id }, labelText), control, hint ? h('span', { class: 'hint', id: hintId }, hint) : null);
}

export function select(name, options, value, attrs = {}) {
  return h('select', { name, ...attrs }, options.map((o) => h('option', { value: o.value, selected: String(o.value) === String(value ?? '') }, o.label)));
}

function input(name, type, value, attrs = {}) {
  return h('input', { name, type, value: value ?? '', ...attrs });
}

/** The definition select, with the "latest all-cases" default first. */
export function definitionSelect(name, defs, value, testid) {
  return select(name, [{ value: '', label: 'All cases (latest version; the default)' }, ...definitionOptions(defs)], value,
    testid ? { dataset: { testid } } : {});
}

/** The force filter: all forces, or one; a list from a link is kept as it is. */
export function forceSelect(value) {
  const opts = [{ value: '', label: 'All forces' }, ...forcesByName().map((f) => ({ value: f.code, label: f.name }))];
  if (value && !opts.some((o) => o.value === value)) opts.push({ value, label: `Forces ${value}` });
  return select('force', opts, value);
}

export function groupByFieldset(allowed, value) {
  const chosen = new Set(String(value ?? '').split(',').filter(Boolean));
  return h('fieldset', { class: 'field groupby' }, h('legend', {}, 'Group by'),
    ['force', 'region', 'year', 'context'].map((d) => {
      const id = uid('gb');
      const ok = allowed.includes(d);
      return h('span', { class: 'check' },
        h('input', { type: 'checkbox', id, name: 'groupBy', value: d, checked: chosen.has(d) && ok, disabled: !ok }),
        h('label', { for: id }, DIMENSION_LABELS[d]));
    }));
}

/** The URL's word for a figure's own parameter whose default was cleared on purpose (cold cases of any operation). */
const ANY = 'any';

/** A figure's own parameter as asked: the URL's value, else its default; null when cleared. */
export function ownValue(p, state) {
  const v = state[p.name] ?? p.default;
  return v === ANY ? null : v;
}

/** A form's patch with each own parameter that has a default and was left empty kept empty, as "any". */
export function keepCleared(figure, patch) {
  for (const o of figure.own ?? []) if (o.default && patch[o.name] === '') patch[o.name] = ANY;
  return patch;
}

/** A figure's own parameter as a control. */
export function ownControl(p, state) {
  const value = ownValue(p, state) ?? '';
  if (p.type === 'date') return field(p.label, input(p.name, 'date', value), p.hint ?? 'leave empty for today');
  if (p.type === 'text') return field(p.label, input(p.name, 'text', value, { pattern: p.pattern, autocomplete: 'off' }));
  return field(p.label, select(p.name, p.options, value || p.options[0].value));
}

/** Read a form into a state patch: every named field, empty ones removed, groupBy joined. */
export function readForm(form, names) {
  const data = new FormData(form);
  const patch = {};
  for (const n of names) patch[n] = data.get(n) ?? '';
  patch.groupBy = data.getAll('groupBy').join(',');
  return patch;
}

/**
 * The form for a live figure view. figure: a figure module; state: the URL state; defs: the definition catalogue.
 */
export function liveControls(figure, state, defs) {
  const common = [
    field('Definition', definitionSelect('definition', defs, state.definition, 'definition-select')),
    figure.noWindow ? null : field('From', input('from', 'date', state.from), figure.windowOn),
    figure.noWindow ? null : field('To', input('to', 'date', state.to), 'inclusive'),
    field('As of', input('asOf', 'date', state.asOf), 'knowledge date; empty: all reported'),
    field('Store position', input('position', 'number', state.position, { min: '0', step: '1', inputmode: 'numeric', size: '10', class: 'narrow' }), 'pinned; empty: latest'),
    field('Force', forceSelect(state.force)),
  ];
  const own = (figure.own ?? []).map((p) => ownControl(p, state));
  const names = ['definition', 'from', 'to', 'asOf', 'position', 'force', ...(figure.own ?? []).map((p) => p.name)];
  const form = h('form', { class: 'controls', 'aria-label': `${figure.title} query` },
    h('div', { class: 'control-row' }, common),
    h('div', { class: 'control-row' }, own,
      groupByFieldset(figure.groupings ?? [], state.groupBy ?? figure.defaultGroupBy ?? ''),
      h('div', { class: 'actions' },
        h('button', { type: 'submit' }, 'Show figures'),
        h('button', {
          type: 'button', class: 'secondary',
          onclick: () => setState({ position: null }),
        }, 'Use the latest position'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const patch = keepCleared(figure, readForm(form, names));
    if (!patch.groupBy) patch.groupBy = 'none';
    setState(patch);
  });
  return form;
}
