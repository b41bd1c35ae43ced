// Definitions and replays: every registered definition version, and rebuilding one's results over the whole
// history with a progress bar (POST .../replays, then GET /replays/{id} until it ends).
import { h, clear, uid } from '../dom.js';
import { getJson, postJson } from '../api.js';
import { setState } from '../url-state.js';
import { hasRole } from '../auth.js';
import { loadDefinitions } from '../definitions.js';
import { integer, dateTime } from '../format.js';

let timer = null;
let polling = 0; // which watch is current: a poll answered after the view changed sets no new timer

export function stopPolling() {
  if (timer) clearTimeout(timer);
  timer = null;
  polling += 1;
}

function rules(d) {
  return [
    d.minSuspects ? `${d.minSuspects} or more suspects` : null,
    d.contexts?.length ? `context ${d.contexts.join(', ')}` : null,
    d.maxVictimAge != null ? `a victim aged ${d.maxVictimAge} or under` : null,
    d.arrestIncludesInterview ? 'an interview counts as an arrest' : null,
    d.excludeQuashedConvictions ? 'quashed convictions excluded' : 'quashed convictions kept',
  ].filter(Boolean).join('; ');
}

export async function renderReplays(state, { controls, view }) {
  clear(controls);
  const defs = await loadDefinitions();
  const signedIn = hasRole('analyst');
  const captionId = uid('cap');
  const progress = h('div', { class: 'replay-progress', 'aria-live': 'polite' });
  clear(view).append(
    h('section', { class: 'figure', 'aria-labelledby': 'defs-h' },
      h('h2', { id: 'defs-h' }, 'Definitions'),
      h('p', {}, 'A definition says which cases count. A published version never changes: a change is a new version. '
        + 'A replay rebuilds a definition\u2019s results over the whole history in the background; the figures keep answering meanwhile.'),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': captionId },
        h('table', { class: 'figure-table', dataset: { testid: 'definitions-table' } },
          h('caption', { id: captionId }, 'Registered definitions, every version'),
          h('thead', {}, h('tr', {}, ['Definition', 'Version', 'Label', 'Rules', 'Description', 'Replay'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, defs.map((d) => h('tr', {},
            h('th', { scope: 'row' }, d.id), h('td', { class: 'num' }, String(d.version)), h('td', {}, d.label), h('td', {}, rules(d)),
            h('td', {}, d.description ?? ''),
            h('td', {}, signedIn ? h('button', {
              type: 'button', class: 'secondary', 'aria-label': `Replay ${d.id} version ${d.version}`,
              onclick: () => start(d, progress),
            }, 'Replay') : 'sign in'))))))),
    h('section', { class: 'figure', 'aria-labelledby': 'replay-h' }, h('h2', { id: 'replay-h' }, 'Replay progress'), progress));
  if (state.replay && signedIn) poll(state.replay, progress);
  else progress.append(h('p', {}, signedIn ? 'No replay started from this page.' : 'Sign in as an analyst to start a replay.'));
}

async function start(d, progress) {
  clear(progress).append(h('p', {}, `Starting a replay of ${d.id}@${d.version}\u2026`));
  try {
    const { json, location } = await postJson(`/api/v1/definitions/${encodeURIComponent(d.id)}/versions/${d.version}/replays`);
    const id = json?.replayId ?? location?.split('/').pop();
    setState({ replay: id }, { silent: true });
    poll(id, progress);
  } catch (e) {
    clear(progress).append(h('p', { class: 'error', role: 'alert' }, e.message));
  }
}

async function poll(id, progress) {
  stopPolling();
  const mine = polling;
  try {
    const r = await getJson(`/api/v1/replays/${encodeURIComponent(id)}`);
    if (mine !== polling) return;
    const labelId = uid('pl');
    clear(progress).append(
      h('p', { id: labelId }, `Replay of ${r.definition?.id}@${r.definition?.version}: ${r.state.toLowerCase()}, ${integer(r.eventsDone)} of ${integer(r.eventsTotal)} events`
        + (r.eventsPerSecond ? ` (${integer(r.eventsPerSecond)} events a second)` : '')),
      h('progress', { max: String(Math.max(1, r.eventsTotal ?? 1)), value: String(r.eventsDone ?? 0), 'aria-labelledby': labelId, dataset: { testid: 'replay-progress' } }),
      h('p', { class: 'note' }, `Started ${dateTime(r.startedAt)}${r.finishedAt ? `; finished ${dateTime(r.finishedAt)}` : ''}.`),
      r.error ? h('p', { class: 'error', role: 'alert' }, r.error) : null);
    if (r.state === 'RUNNING') timer = setTimeout(() => poll(id, progress), 1000);
  } catch (e) {
    clear(progress).append(h('p', { class: 'error', role: 'alert' }, e.message));
  }
}
