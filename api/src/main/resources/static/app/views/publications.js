// Publications: the tables an analyst chose to publish, as the API serves them (protected for the public), when
// they were published, and whether they have been revised since.
import { h, clear, uid } from '../dom.js';
import { getJson, ApiError } from '../api.js';
import { setState, linkFor } from '../url-state.js';
import { hasRole, readsFigures } from '../auth.js';
import { figurePanel } from '../figure-panel.js';
import { FIGURE_BY_NAME } from '../figures/index.js';
import { dateTime, cell, isSuppressed, DIMENSION_LABELS, isSyntheticText, label, integer } from '../format.js';
import { forceName } from '../forces.js';
import { isSynthetic } from '../notice.js';
import { openTrace } from '../trace.js';
import { askReason } from '../dialog.js';
import { renderTable } from '../table.js';
import { downloadCsv, fileName } from '../csv.js';

const RECENT_KEY = 'casetrail.recentPublications';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function recent() {
  try { return JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]'); } catch { return []; }
}

function remember(pub) {
  const list = recent().filter((p) => p.id !== pub.id);
  list.unshift(pub);
  try { localStorage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, 20))); } catch { /* storage full or off */ }
}

/** The list from GET /api/v1/publications, or null when the server has no such list. */
let listMissing = false; // the server answered that it has no list: not asked again until the page reloads

async function listPublications(signal) {
  if (listMissing) return null;
  try {
    const list = await getJson('/api/v1/publications', { limit: 100 }, { signal });
    if (!Array.isArray(list)) return null;
    return list.map((p) => ({
      id: p.id ?? p.publicationId, title: p.title ?? p.name, publishedAt: p.publishedAt,
      revised: p.revised, position: p.position, figures: p.figures,
    }));
  } catch (e) {
    if (e instanceof ApiError && [404, 405].includes(e.status)) { listMissing = true; return null; }
    throw e;
  }
}

function openForm() {
  const id = uid('pubid');
  const form = h('form', { class: 'open-pub' },
    h('div', { class: 'field' }, h('label', { for: id }, 'Open a publication by its id or link'),
      h('input', { id, name: 'pub', type: 'text', autocomplete: 'off', placeholder: 'e.g. 7273c2bd-e996-4c6e-8a33-3091e97ec092', size: '44' })),
    h('button', { type: 'submit' }, 'Open'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const m = UUID.exec(new FormData(form).get('pub') ?? '');
    if (m) setState({ view: 'publications', pub: m[0].toLowerCase() }, { reset: true });
    else form.querySelector('input').setCustomValidity('That is not a publication id.');
    form.reportValidity();
  });
  form.querySelector('input').addEventListener('input', (e) => e.target.setCustomValidity(''));
  return form;
}

function listNav(items, selected, listed) {
  return h('nav', { class: 'pub-list', 'aria-label': 'Publications' },
    h('h2', {}, listed ? 'Publications' : 'Publications you have opened'),
    items.length ? h('ul', {}, items.map((p) => h('li', {},
      h('a', { href: linkFor({ view: 'publications', pub: p.id }), 'aria-current': p.id === selected ? 'page' : null }, p.title ?? p.id),
      h('span', { class: 'meta' }, [p.publishedAt ? `published ${dateTime(p.publishedAt)}` : null,
        Array.isArray(p.figures) && p.figures.length ? p.figures.map((f) => FIGURE_BY_NAME.get(f)?.title ?? f).join(', ').toLowerCase() : null,
        p.revised === true ? 'revised since' : p.revised === false ? 'not revised' : null].filter(Boolean).join('; ')),
      isSyntheticText(p.title) ? h('span', { class: 'synthetic-tag' }, 'Synthetic') : null))) : h('p', {}, 'None yet.'),
    listed ? null : h('p', { class: 'note' }, 'This server does not list its publications yet: open one by its id or link.'),
    openForm());
}

export async function renderPublications(state, { controls, view, signal }) {
  clear(controls);
  const listed = await listPublications(signal);
  const items = listed ?? recent();
  const selected = state.pub ?? items[0]?.id ?? null;
  const side = listNav(items, selected, listed != null);
  const content = h('div', { class: 'pub-content' });
  clear(view).append(h('div', { class: 'pub-layout' }, side, content));
  if (!selected) {
    content.append(h('section', { class: 'notice-box' }, h('h2', {}, 'Published figures'),
      h('p', {}, 'Publications are fixed tables an analyst chose to publish, frozen at one store position. Counts of 1 to 4, and the cells that would reveal them, are suppressed ([c]) to protect the people in them.')));
    return;
  }
  const signedIn = readsFigures();
  const asPublic = !signedIn || state.as === 'public';
  const params = signedIn && asPublic ? { view: 'public' } : {};
  const [pub, revisions] = await Promise.all([
    getJson(`/api/v1/publications/${encodeURIComponent(selected)}`, params, { signal }),
    readRevisions(selected, params, signal),
  ]);
  remember({ id: pub.publicationId, title: pub.name, publishedAt: pub.publishedAt });
  if (listed == null) {
    // refresh the remembered list so it shows this one too
    const again = listNav(recent(), selected, false);
    side.replaceWith(again);
  }
  const synthetic = isSynthetic() || isSyntheticText(pub.name);
  const changed = revisionSummary(revisions);
  content.append(h('header', { class: 'pub-head' },
    h('h2', {}, pub.name),
    synthetic ? h('span', { class: 'synthetic-tag' }, 'Synthetic data') : null,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Published'), h('dd', {}, dateTime(pub.publishedAt)),
      h('dt', {}, 'Frozen at store position'), h('dd', {}, String(pub.position)),
      h('dt', {}, 'Revised since'), h('dd', {}, changed.text),
      h('dt', {}, 'Shown'), h('dd', {}, pub.view === 'public' ? 'as the public reads it: protected' : 'unprotected (you are signed in)')),
    signedIn ? h('p', {}, h('a', { href: linkFor({ ...state, as: asPublic ? null : 'public' }) },
      asPublic ? 'Show it unprotected' : 'Show it as the public sees it')) : null));
  const panels = [];
  (pub.figures ?? []).forEach((f, i) => {
    const module = FIGURE_BY_NAME.get(f.figure);
    if (!module) {
      content.append(h('p', {}, `Figure ${i + 1} (${f.figure}) cannot be drawn here.`));
      return;
    }
    const built = module.build(f.answer, { state, synthetic });
    const panel = figurePanel(built, {
      headingLevel: 3,
      provenance: { ...f.answer, definition: f.answer.definition ?? f.parameters?.definition, position: f.answer.position ?? pub.position, windowOn: module.windowOn },
      synthetic,
      traceable: hasRole('auditor'),
      onTrace: openTrace,
    });
    content.append(panel.el);
    panels.push(panel);
  });
  content.append(revisionsSection(revisions, signedIn, synthetic));
  for (const p of panels) p.mount();
}

const revisionsPath = (id) => `/api/v1/publications/${encodeURIComponent(id)}/revisions`;

/**
 * The revisions. An auditor's unprotected revisions carry movedBy (case-level data) and need a reason: without one,
 * the page reads them as the public does and offers to show the rest once a reason is given.
 */
async function readRevisions(id, params, signal) {
  // Known before asking: the API would answer an auditor's unprotected revisions without a reason with a 400.
  const withoutReason = hasRole('auditor') && params.view !== 'public';
  try {
    const rev = await getJson(revisionsPath(id), withoutReason ? { view: 'public' } : params, { signal });
    return withoutReason ? { ...rev, needsReason: true, publicationId: id } : rev;
  } catch (e) {
    return { error: e.message };
  }
}

function movedByText(list) {
  if (!Array.isArray(list) || !list.length) return '';
  return list.map((m) => [label(m.type ?? ''), m.caseRef, m.position != null ? `position ${m.position}` : null, m.reportedOn ? `reported ${m.reportedOn}` : null]
    .filter(Boolean).join(' ')).join('; ');
}

function revisionSummary(rev) {
  if (!rev || rev.error) return { text: `could not be read${rev?.error ? `: ${rev.error}` : ''}` };
  let cells = 0;
  let moved = 0;
  for (const f of rev.figures ?? []) {
    for (const c of f.cells ?? []) {
      cells += 1;
      if ((c.difference != null && c.difference !== 0) || (c.then == null) !== (c.now == null)) moved += 1;
    }
  }
  return {
    moved,
    text: moved
      ? `yes: ${integer(moved)} of ${integer(cells)} published numbers differ now (store position ${rev.nowPosition}) from when published`
      : `no: at store position ${rev.nowPosition} every one of its ${integer(cells)} numbers is as published`,
  };
}

function revisionsSection(rev, signedIn, synthetic) {
  const id = uid('rev');
  const section = h('section', { class: 'figure', 'aria-labelledby': id }, h('h3', { id }, 'Revisions: each published number then and now'));
  if (!rev || rev.error) {
    section.append(h('p', { class: 'error' }, rev?.error ?? 'The revisions could not be read.'));
    return section;
  }
  section.append(h('p', { class: 'provenance' }, `Then: store position ${rev.position}. Now: store position ${rev.nowPosition}.${synthetic ? ' Synthetic data: not real case data.' : ''}`));
  if (rev.needsReason) {
    section.append(h('div', { class: 'notice-box' },
      h('p', {}, 'Shown as the public reads them (protected). As an auditor, the unprotected revisions also list the events that moved each number: case-level data, read with a reason that goes to the access log.'),
      h('button', {
        type: 'button', class: 'secondary',
        onclick: async () => {
          const reason = await askReason('the events that moved this publication\u2019s numbers');
          if (!reason) return;
          try {
            const full = await getJson(revisionsPath(rev.publicationId), {}, { reason });
            section.replaceWith(revisionsSection(full, signedIn, synthetic));
          } catch (e) {
            section.append(h('p', { class: 'error', role: 'alert' }, e.message));
          }
        },
      }, 'Show unprotected revisions and what moved them\u2026')));
  }
  (rev.figures ?? []).forEach((f) => {
    const dims = [];
    for (const c of f.cells ?? []) for (const k of Object.keys(c.labels ?? {})) if (!dims.includes(k)) dims.push(k);
    const model = {
      caption: `Revisions of ${label(f.figure)}${Object.keys(f.parameters ?? {}).length ? ` (${Object.entries(f.parameters).map(([k, v]) => `${k}=${v}`).join(', ')})` : ''}`,
      fileStem: `revisions-${f.figure}`,
      columns: [...dims.map((d) => ({ key: `l:${d}`, label: DIMENSION_LABELS[d] ?? (d === 'stage' ? 'Stage' : d) })),
        { key: 'then', label: 'Then', numeric: true }, { key: 'now', label: 'Now', numeric: true }, { key: 'difference', label: 'Difference', numeric: true },
        ...((f.cells ?? []).some((c) => 'movedBy' in c) ? [{ key: 'movedBy', label: 'Moved by (events stored since)' }] : [])],
      rows: (f.cells ?? []).map((c) => {
        const row = {};
        for (const d of dims) { const v = c.labels?.[d]; row[`l:${d}`] = v == null ? '' : d === 'force' ? forceName(v) : d === 'stage' ? label(v) : String(v); }
        row.then = cell(c.then, { figureId: c.figureIdThen, suppressed: isSuppressed(c, 'then') });
        row.now = cell(c.now, { figureId: c.figureIdNow, suppressed: isSuppressed(c, 'now') });
        row.difference = cell(c.difference, { suppressed: isSuppressed(c, 'difference'), kind: 'signed' });
        if ('movedBy' in c) row.movedBy = movedByText(c.movedBy) || 'nothing';
        return row;
      }),
    };
    section.append(h('div', { class: 'actions' }, h('button', {
      type: 'button', class: 'secondary',
      onclick: () => downloadCsv(model, fileName(['casetrail', 'revisions', f.figure, `position-${rev.position}-to-${rev.nowPosition}`], 'csv')),
    }, 'Download CSV')), renderTable(model, { traceable: hasRole('auditor') }));
  });
  section.append(h('p', { class: 'symbols-note' }, 'Symbols: [c] suppressed to protect people; [x] not available; [z] not applicable. '
    + (signedIn ? 'Auditors can see which events moved a revised number (movedBy) in the API.' : '')));
  return section;
}
