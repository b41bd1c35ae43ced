// The definition catalogue (GET /api/v1/definitions, public), read once per page.
import { getJson } from './api.js';

let cache = null;

export function loadDefinitions() {
  if (!cache) cache = getJson('/api/v1/definitions').catch((e) => { cache = null; throw e; });
  return cache;
}

/** <option>s: each version as id@version, the latest version of each id first. */
export function definitionOptions(defs) {
  const byId = new Map();
  for (const d of defs) {
    if (!byId.has(d.id)) byId.set(d.id, []);
    byId.get(d.id).push(d);
  }
  const out = [];
  for (const [id, versions] of byId) {
    versions.sort((a, b) => b.version - a.version);
    for (const d of versions) out.push({ value: `${id}@${d.version}`, label: `${d.label} (${id}, version ${d.version})` });
  }
  return out;
}

/** The definition a query names (id or id@version), from the catalogue. */
export function findDefinition(defs, ref) {
  const [id, v] = String(ref ?? 'all-cases').split('@');
  const versions = defs.filter((d) => d.id === id).sort((a, b) => b.version - a.version);
  return v ? versions.find((d) => String(d.version) === v) : versions[0];
}
