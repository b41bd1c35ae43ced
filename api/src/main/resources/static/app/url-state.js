// The page's state lives in its query string, so a link reproduces the same numbers. The one place that reads or
// writes the URL.
const listeners = new Set();

/** The current state: every query parameter as a string. */
export function getState() {
  const out = {};
  for (const [k, v] of new URLSearchParams(window.location.search)) {
    if (v !== '') out[k] = v;
  }
  return out;
}

/**
 * Change the state. patch values of null, undefined or '' remove the parameter. replace: true rewrites the current
 * history entry (for pinning what an answer reported); otherwise a new entry is pushed, so Back undoes it.
 * silent: true changes the URL without telling listeners.
 */
export function setState(patch, { replace = false, reset = false, silent = false } = {}) {
  const next = reset ? {} : getState();
  for (const [k, v] of Object.entries(patch)) {
    if (v == null || v === '') delete next[k];
    else next[k] = String(v);
  }
  const query = new URLSearchParams(Object.entries(next)).toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    return;
  }
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  if (!silent) notify();
}

/** The state as a link to this page. */
export function linkFor(state) {
  const query = new URLSearchParams(Object.entries(state).filter(([, v]) => v != null && v !== '')).toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}

export function onStateChange(listener) {
  listeners.add(listener);
}

function notify() {
  const state = getState();
  for (const l of listeners) l(state);
}

window.addEventListener('popstate', notify);
