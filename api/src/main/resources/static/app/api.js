// The one API client. Every call sends X-Requested-With (so a refusal carries no WWW-Authenticate and the browser
// opens no dialog of its own) and, when signed in, the Basic credentials. Errors are RFC 9457 problem documents:
// the user sees their detail, never a stack.
import { authorization, signOut, encodeBasic, storeSignIn } from './auth.js';
import { noteNotice } from './notice.js';

export class ApiError extends Error {
  constructor(status, detail, problem = null) {
    super(detail);
    this.status = status;
    this.problem = problem;
  }
}

const PRINTABLE = /^[\x20-\x7e]*$/;

function buildUrl(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v != null && v !== '') url.searchParams.set(k, String(v));
  }
  return url;
}

async function problemOf(res) {
  const type = res.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const p = await res.json();
      const detail = p.detail || p.title || `The server answered ${res.status}.`;
      return new ApiError(res.status, p.parameter && !detail.includes(p.parameter)
        ? `${detail} (parameter ${p.parameter})` : detail, p);
    } catch {
      // fall through: not a readable problem document
    }
  }
  return new ApiError(res.status, `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`);
}

/**
 * One request. reason: for case-level reads, sent as Casetrail-Reason (or as the reason parameter when it has
 * characters a header cannot carry). auth: the Authorization value to use instead of the stored one.
 */
export async function request(method, path, { params, reason, accept = 'application/json', body, signal, auth } = {}) {
  const query = { ...params };
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: accept };
  const authValue = auth ?? authorization();
  if (authValue) headers.Authorization = authValue;
  if (reason) {
    if (PRINTABLE.test(reason)) headers['Casetrail-Reason'] = reason;
    else query.reason = reason;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(buildUrl(path, query), {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'The server could not be reached. Check the connection and try again.');
  }
  noteNotice(res.headers.get('Casetrail-Data-Notice'));
  if (!res.ok) {
    const err = await problemOf(res);
    if (res.status === 401 && authValue && !auth) {
      signOut();
      err.message = `${err.message} You have been signed out; sign in again.`;
    }
    throw err;
  }
  return res;
}

export async function getJson(path, params, opts = {}) {
  const res = await request('GET', path, { ...opts, params });
  const json = await res.json();
  if (json && typeof json === 'object') {
    noteNotice(json.notice);
    noteNotice(json.name);
  }
  return json;
}

export async function postJson(path, body, opts = {}) {
  const res = await request('POST', path, { ...opts, body });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (json && typeof json === 'object') noteNotice(json.notice);
  return { json, location: res.headers.get('Location'), status: res.status };
}

/** A file from the API (CSV or XLSX) as a Blob, with the name the server gives it, if any. */
export async function getFile(path, params, { accept = '*/*', reason, signal } = {}) {
  const res = await request('GET', path, { params, accept, reason, signal });
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  return { blob: await res.blob(), filename: match ? match[1] : null };
}

/** Check credentials with GET /me; store them, with the roles the server gives, only if it accepts them. */
export async function signIn(user, password) {
  const token = encodeBasic(user, password);
  const me = await (await request('GET', '/api/v1/me', { auth: `Basic ${token}` })).json();
  storeSignIn(me.user ?? user, token, me.roles ?? []);
}
