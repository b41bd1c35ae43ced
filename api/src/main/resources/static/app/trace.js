// The trace panel: for a number's figure id, the query it came from, the members it counts and the events that put
// them there; then one case's whole stream. Both are case-level reads: each asks for a reason first, which the
// server records in the access log.
import { h, clear } from './dom.js';
import { getJson, getFile } from './api.js';
import { askReason } from './dialog.js';
import { downloadBlob } from './csv.js';
import { integer, label, dateTime } from './format.js';
import { currentNotice, isSynthetic } from './notice.js';
import { setBusy } from './status.js';

const SHOWN = 200;
const panel = () => document.getElementById('trace-panel');
let opener = null;
let lastTrace = null;

function open(content) {
  const p = panel();
  clear(p);
  p.append(h('div', { class: 'drawer-head' },
    h('h2', { id: 'trace-title', tabindex: '-1' }, content.title),
    h('button', { type: 'button', class: 'secondary', onclick: closeTrace }, 'Close')),
  isSynthetic() ? h('p', { class: 'synthetic-tag block' }, currentNotice()) : null,
  content.body);
  p.hidden = false;
  p.querySelector('#trace-title').focus();
}

export function closeTrace() {
  const p = panel();
  p.hidden = true;
  clear(p);
  if (opener && opener.isConnected) opener.focus();
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !panel().hidden && !document.querySelector('dialog[open]')) closeTrace();
});

/** Trace a figure id: ask why, then show what it counts. */
export async function openTrace(figureId) {
  opener = document.activeElement;
  const reason = await askReason(`the members behind figure ${figureId}`);
  if (!reason) return;
  open({ title: `Trace of figure ${figureId}`, body: h('p', { class: 'loading' }, 'Loading the trace\u2026') });
  setBusy('loading');
  try {
    // The first members only: a large figure's whole trace is tens of megabytes; the CSV has every one.
    const trace = await getJson(`/api/v1/figures/${encodeURIComponent(figureId)}/trace`, { limit: SHOWN }, { reason });
    lastTrace = { trace, reason };
    open({ title: `Trace of figure ${figureId}`, body: traceBody(trace, reason) });
    setBusy('ready');
  } catch (e) {
    open({ title: `Trace of figure ${figureId}`, body: h('p', { class: 'error', role: 'alert' }, e.message) });
    setBusy('error');
  }
}

function traceBody(t, reason) {
  const params = Object.entries(t.query ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
  const members = t.contributors ?? [];
  const denominators = Object.entries(t.denominators ?? {});
  const rows = members.slice(0, SHOWN).map((m) => h('tr', {},
    h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => openCase(m.caseRef) }, m.caseRef)),
    h('td', {}, m.suspectRef ?? ''), h('td', {}, m.victimRef ?? ''), h('td', {}, m.role ?? ''),
    h('td', {}, h('ul', { class: 'events' }, (m.events ?? []).map((e) => h('li', {},
      `${label(e.type)}: occurred ${e.occurredOn ?? '?'}, reported ${e.reportedOn ?? '?'}, position ${e.position}, row ${e.source}/${e.sourceRowId}`,
      (e.correctedBy ?? []).length ? ` (corrected by ${e.correctedBy.map((c) => c.sourceRowId ?? c.eventId ?? JSON.stringify(c)).join(', ')})` : ''))))));
  return h('div', { class: 'trace-body' },
    h('dl', { class: 'facts' },
      h('dt', {}, 'Figure'), h('dd', {}, t.endpoint ?? ''),
      h('dt', {}, 'Query'), h('dd', {}, params || 'defaults'),
      h('dt', {}, 'Store position'), h('dd', {}, String(t.position ?? '')),
      h('dt', {}, 'Value'), h('dd', {}, t.value == null ? '' : `${integer(t.value)} (the count this figure id traces; rates and statistics in its row are computed from these members)`),
      h('dt', {}, 'Members counted'), h('dd', {}, integer(t.value ?? members.length)),
      h('dt', {}, 'Reason recorded'), h('dd', {}, reason)),
    denominators.length ? h('div', {},
      h('h3', {}, 'Denominators of its rates'),
      h('ul', {}, denominators.map(([k, d]) => h('li', {}, `${k}: figure ${d.figureId}, value ${integer(d.value)} (its members are in the CSV)`)))) : null,
    h('div', { class: 'actions' }, h('button', {
      type: 'button', class: 'secondary',
      onclick: async (e) => {
        const btn = e.currentTarget;
        btn.disabled = true;
        try {
          const { blob, filename } = await getFile(`/api/v1/figures/${encodeURIComponent(t.figureId)}/trace`, {}, { accept: 'text/csv', reason });
          downloadBlob(blob, filename ?? `casetrail-trace-${t.figureId}.csv`);
        } catch (err) {
          btn.after(h('p', { class: 'error', role: 'alert' }, err.message));
        } finally {
          btn.disabled = false;
        }
      },
    }, 'Download the whole trace (CSV)')),
    (t.value ?? 0) > members.length ? h('p', { class: 'note' }, `Showing the first ${integer(members.length)} of ${integer(t.value)} members; the CSV has every one.`) : null,
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Members counted' },
      h('table', { class: 'trace-table', dataset: { testid: 'trace-table' } },
        h('caption', {}, `Members counted in figure ${t.figureId}, and the events that put them there. Choose a case to read its whole stream.`),
        h('thead', {}, h('tr', {}, ['Case', 'Suspect', 'Victim', 'Counted as', 'Events'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows))));
}

/** A case's whole stream: ask why, then show every event with its three clocks. */
export async function openCase(caseRef) {
  const reason = await askReason(`the event stream of case ${caseRef}`);
  if (!reason) return;
  setBusy('loading');
  try {
    const events = await getJson(`/api/v1/cases/${encodeURIComponent(caseRef)}/events`, {}, { reason });
    open({ title: `Case ${caseRef}: its whole stream`, body: caseBody(caseRef, events) });
    setBusy('ready');
  } catch (e) {
    open({ title: `Case ${caseRef}`, body: h('p', { class: 'error', role: 'alert' }, e.message) });
    setBusy('error');
  }
}

function caseBody(caseRef, events) {
  const back = lastTrace ? h('button', {
    type: 'button', class: 'secondary',
    onclick: () => open({ title: `Trace of figure ${lastTrace.trace.figureId}`, body: traceBody(lastTrace.trace, lastTrace.reason) }),
  }, 'Back to the trace') : null;
  return h('div', {},
    h('div', { class: 'actions' }, back),
    h('p', { class: 'note' }, 'Every event as stored, corrections and retractions included: when it happened, when the source knew it, and when the store appended it.'),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `Events of case ${caseRef}` },
      h('table', { class: 'trace-table', dataset: { testid: 'case-events-table' } },
        h('caption', {}, `Events of case ${caseRef}`),
        h('thead', {}, h('tr', {}, ['Position', 'Type', 'Occurred', 'Reported', 'Stored', 'Source row', 'Corrects', 'Fields'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, events.map((e) => h('tr', {},
          h('th', { scope: 'row' }, String(e.position)), h('td', {}, label(e.type)), h('td', {}, e.occurredOn ?? ''),
          h('td', {}, e.reportedOn ?? ''), h('td', {}, dateTime(e.storedAt)), h('td', {}, `${e.source}/${e.sourceRowId}`),
          h('td', {}, e.correctsRowId ?? ''),
          h('td', {}, Object.entries(e.fields ?? {}).map(([k, v]) => `${k}=${v}`).join(', '))))))));
}
