// The page: the sign-in area, the view navigation, the synthetic banner, and which view draws for the URL's state.
import { h, clear, uid } from './dom.js';
import { getState, onStateChange, linkFor } from './url-state.js';
import { currentUser, signOut, onAuthChange, readsFigures } from './auth.js';
import { signIn } from './api.js';
import { onNotice } from './notice.js';
import { setBusy } from './status.js';
import { disposeCharts } from './charts.js';
import { FIGURE_BY_NAME } from './figures/index.js';
import { renderLive } from './views/live.js';
import { renderPublications } from './views/publications.js';
import { renderCompare } from './views/compare.js';
import { renderReplays, stopPolling } from './views/replays.js';
import { openTrace, closeTrace } from './trace.js';

const VIEWS = [
  { view: 'publications', label: 'Publications', public: true, render: renderPublications },
  { view: 'funnel', label: 'Funnel', figure: 'funnel' },
  { view: 'lags', label: 'Lags', figure: 'lags' },
  { view: 'ethnicity', label: 'Ethnicity', figure: 'ethnicity' },
  { view: 'completeness', label: 'Ethnicity recording', figure: 'ethnicity-completeness' },
  { view: 'cold-cases', label: 'Cold cases', figure: 'cold-cases' },
  { view: 'caseload', label: 'Caseload', figure: 'caseload' },
  { view: 'nationality', label: 'Nationality', figure: 'nationality' },
  { view: 'period-counts', label: 'Period counts', figure: 'period-counts' },
  { view: 'compare', label: 'Compare', render: renderCompare },
  { view: 'replays', label: 'Definitions', public: true, render: renderReplays },
];
const BY_VIEW = new Map(VIEWS.map((v) => [v.view, v]));

let controller = null;
let renderCount = 0;

function currentView(state) {
  return BY_VIEW.get(state.view) ?? BY_VIEW.get('publications');
}

function renderNav(state) {
  const nav = clear(document.getElementById('views-nav'));
  const active = currentView(state).view;
  nav.append(h('ul', {}, VIEWS.filter((v) => v.public || readsFigures()).map((v) => h('li', {},
    h('a', {
      href: linkFor(v.view === 'publications' ? { view: v.view } : { view: v.view, definition: state.definition }),
      'aria-current': v.view === active ? 'page' : null,
      dataset: { testid: `nav-${v.view}` },
    }, v.label)))));
}

function renderSignIn() {
  const area = clear(document.getElementById('signin-area'));
  const user = currentUser();
  if (user) {
    area.append(h('p', { class: 'signed-in' }, 'Signed in as ', h('strong', { dataset: { testid: 'signed-in-user' } }, user), ' '),
      h('button', { type: 'button', class: 'secondary', dataset: { testid: 'signout-button' }, onclick: () => { signOut(); } }, 'Sign out'));
    return;
  }
  const uId = uid('user');
  const pId = uid('pass');
  const err = h('p', { class: 'error', role: 'alert', dataset: { testid: 'signin-error' } });
  const form = h('form', { class: 'signin', 'aria-label': 'Sign in' },
    h('div', { class: 'field inline' }, h('label', { for: uId }, 'Username'),
      h('input', { id: uId, name: 'username', autocomplete: 'username', required: true, size: '12', dataset: { testid: 'signin-username' } })),
    h('div', { class: 'field inline' }, h('label', { for: pId }, 'Password'),
      h('input', { id: pId, name: 'password', type: 'password', autocomplete: 'current-password', required: true, size: '14', dataset: { testid: 'signin-password' } })),
    h('button', { type: 'submit', dataset: { testid: 'signin-button' } }, 'Sign in'), err);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    err.textContent = '';
    try {
      await signIn(String(data.get('username')).trim(), String(data.get('password')));
    } catch (ex) {
      err.textContent = ex.status === 401 ? 'That username and password were not accepted.' : ex.message;
    }
  });
  area.append(form);
}

function showBanner(text) {
  const b = document.getElementById('synthetic-banner');
  clear(b).append(h('strong', {}, 'Synthetic data. '), text);
  b.hidden = false;
}

async function route() {
  const state = getState();
  const v = currentView(state);
  renderNav(state);
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  const mine = ++renderCount;
  stopPolling();
  disposeCharts();
  const controls = document.getElementById('controls');
  const view = document.getElementById('view');
  document.title = `${v.label}: Casetrail`;
  setBusy('loading');
  try {
    if (v.figure) await renderLive(FIGURE_BY_NAME.get(v.figure), state, { controls, view, signal });
    else await v.render(state, { controls, view, signal });
    if (mine === renderCount) setBusy('ready');
  } catch (e) {
    if (e.name === 'AbortError' || mine !== renderCount) return;
    disposeCharts();
    clear(view).append(h('div', { class: 'error-box', role: 'alert' }, h('h2', {}, 'The figures could not be shown'), h('p', {}, e.message)));
    setBusy('error');
  }
}

// A number with a figure id, in any table: its trace.
document.addEventListener('click', (e) => {
  const btn = e.target.closest('button[data-trace]');
  if (btn) openTrace(btn.dataset.trace);
});

onNotice(showBanner);
onStateChange(() => { route(); });
onAuthChange(() => {
  closeTrace();
  renderSignIn();
  route();
});

renderSignIn();
route();
