// Sign-in: HTTP Basic credentials kept in sessionStorage only (gone when the tab closes), never in the URL or
// localStorage. The API decides what each user may see; the page only says who is signed in.
const KEY = 'casetrail.signin';
const listeners = new Set();

function read() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
}

export function currentUser() {
  return read()?.user ?? null;
}

/** Whether the signed-in user has a role (analyst, auditor, importer), as the server said at sign-in. */
export function hasRole(role) {
  return (read()?.roles ?? []).includes(role);
}

/** Analysts and auditors read live figures. */
export function readsFigures() {
  return hasRole('analyst') || hasRole('auditor');
}

export function authorization() {
  const s = read();
  return s ? `Basic ${s.token}` : null;
}

export function encodeBasic(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function storeSignIn(user, token, roles) {
  sessionStorage.setItem(KEY, JSON.stringify({ user, token, roles }));
  notify();
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  notify();
}

export function onAuthChange(listener) {
  listeners.add(listener);
}

function notify() {
  for (const l of listeners) l(currentUser());
}
