// A live figure view: the query form, then the figure as the API answers it for the signed-in user. The position the
// answer reports is pinned into the URL, so the link reproduces the same numbers.
import { h, clear } from '../dom.js';
import { getJson, getFile, postJson } from '../api.js';
import { setState } from '../url-state.js';
import { hasRole, readsFigures, onAuthChange } from '../auth.js';
import { loadDefinitions } from '../definitions.js';
import { liveControls, ownValue } from '../controls.js';
import { figurePanel } from '../figure-panel.js';
import { completenessLine } from '../figures/completeness.js';
import { downloadBlob, fileName } from '../csv.js';
import { askText } from '../dialog.js';
import { isSynthetic } from '../notice.js';
import { definitionRef, label } from '../format.js';
import { openTrace } from '../trace.js';
import { signInPrompt } from './signin-prompt.js';
import { setBusy } from '../status.js';

const COMMON = ['definition', 'from', 'to', 'asOf', 'position', 'force'];
let cached = null; // { key, answer, companion }
onAuthChange(() => { cached = null; }); // an answer is one reader's

/** The API parameters of a figure for this state. */
export function requestParams(figure, state) {
  const p = {};
  for (const k of COMMON) if (state[k]) p[k] = state[k];
  if (figure.noWindow) { delete p.from; delete p.to; }
  const groupBy = state.groupBy ?? figure.defaultGroupBy;
  if (groupBy && groupBy !== 'none') p.groupBy = groupBy;
  for (const o of figure.own ?? []) {
    const v = ownValue(o, state);
    if (v) p[o.name] = v;
  }
  Object.assign(p, figure.fixed ?? {});
  return p;
}

function keyOf(figure, params) {
  return JSON.stringify([figure.endpoint, ...Object.keys(params).sort().map((k) => [k, params[k]])]);
}

/**
 * The figure and, where ethnicity matters, the completeness of its suspects' recording, asked together; the
 * completeness is asked again at the figure's position if the store moved between the two.
 */
async function askFigure(figure, params, signal) {
  const completenessAt = (position) => {
    const cp = { ...params, stage: params.stage, position };
    delete cp.groupBy; delete cp.scheme; delete cp.level;
    return getJson('/api/v1/ethnicity/completeness', cp, { signal }).catch(() => null);
  };
  const asked = getJson(figure.endpoint, params, { signal });
  const companionAsked = figure.needsCompleteness ? completenessAt(params.position) : Promise.resolve(null);
  const answer = await asked;
  let companion = await companionAsked;
  if (companion && String(companion.position) !== String(answer.position)) {
    companion = await completenessAt(String(answer.position));
  }
  const pinned = { ...params, position: String(answer.position) };
  return { key: keyOf(figure, pinned), answer, companion, params: pinned };
}

export async function renderLive(figure, state, { controls, view, signal }) {
  if (!readsFigures()) {
    clear(controls);
    clear(view).append(signInPrompt(figure.title));
    return;
  }
  const params = requestParams(figure, state);
  let entry = cached && cached.key === keyOf(figure, params) ? cached : null;
  // Asked at once, while the definitions for the form load.
  const pending = entry ? null : askFigure(figure, params, signal);
  pending?.catch(() => {}); // its failure is reported where it is awaited, below
  const defs = await loadDefinitions();
  clear(controls).append(liveControls(figure, state, defs));
  if (!entry) {
    clear(view).append(h('p', { class: 'loading' }, `Computing ${figure.title.toLowerCase()}\u2026`));
    entry = await pending;
    cached = entry;
    if (String(state.position ?? '') !== String(entry.answer.position)) {
      setState({ position: entry.answer.position }, { replace: true, silent: true });
      const pos = controls.querySelector('input[name="position"]');
      if (pos) pos.value = entry.answer.position;
    }
  }
  const { answer, companion } = entry;
  const fig = figure.build(answer, { state, synthetic: isSynthetic() });
  const actions = [{
    label: 'Download XLSX (from the API)',
    run: async () => {
      const { blob, filename } = await getFile(figure.endpoint, { ...entry.params, format: 'xlsx' });
      downloadBlob(blob, filename ?? fileName(['casetrail', figure.name, definitionRef(answer.definition), `position-${answer.position}`], 'xlsx'));
    },
  }];
  if (figure.publishable && hasRole('analyst')) actions.push({ label: 'Publish this view\u2026', run: () => publish(figure, entry.params, fig.title) });
  const panel = figurePanel(fig, {
    provenance: { ...answer, windowOn: figure.windowOn, force: params.force },
    completeness: figure.needsCompleteness ? completenessLine(companion, `the suspects ${label(answer.stage ?? 'RECORDED').toLowerCase()} in this figure`) : null,
    synthetic: isSynthetic(),
    traceable: hasRole('auditor'),
    onTrace: openTrace,
    actions,
  });
  clear(view).append(panel.el);
  panel.mount();
}

/** Make a publication of this view: its figure with the same parameters, frozen at the current position. */
async function publish(figure, params, title) {
  const name = await askText({
    testid: 'publish-dialog', title: 'Publish this view',
    labelText: 'Name of the publication',
    hint: 'The public will read it protected: counts of 1 to 4, and the cells that would reveal them, are suppressed. It is frozen at the store position it is made at.',
    value: `${isSynthetic() ? 'SYNTHETIC: ' : ''}${title}`, confirmLabel: 'Publish',
  });
  if (!name) return;
  const parameters = { ...params };
  delete parameters.position; // a publication freezes at the position it is made at
  try {
    const { json } = await postJson('/api/v1/publications', { name, figures: [{ figure: figure.name, parameters }] });
    setState({ view: 'publications', pub: json.publicationId }, { reset: true });
  } catch (e) {
    setBusy('error', `The publication was not made: ${e.message}`);
  }
}
