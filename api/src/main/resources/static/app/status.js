// What the page is doing, for people (a polite live region) and for tests (body[data-state] = loading, ready or
// error).
export function setBusy(state, message) {
  document.body.dataset.state = state;
  const el = document.getElementById('status');
  if (!el) return;
  if (state === 'loading') el.textContent = message ?? 'Loading\u2026';
  else if (state === 'error') el.textContent = message ?? '';
  else el.textContent = message ?? '';
}
