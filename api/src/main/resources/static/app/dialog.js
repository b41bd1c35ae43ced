// Small modal dialogs that ask for one line of text: the reason for reading case-level data (it goes to the access
// log), or a publication's name. Native <dialog>: focus is kept inside and Escape cancels.
import { h, uid } from './dom.js';
import { onAuthChange } from './auth.js';

// The last reason given, offered again to the same reader; never to the next one who signs in.
let lastReason = '';
onAuthChange(() => { lastReason = ''; });

/**
 * Ask for one line. Resolves to the text, or null when cancelled.
 */
export function askText({ testid, title, labelText, hint, value = '', confirmLabel = 'Continue', minLength = 1 }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const inputId = uid('ask');
    const hintId = uid('hint');
    const titleId = uid('dlg');
    const input = h('input', {
      id: inputId, name: 'text', type: 'text', required: true, minlength: String(minLength), maxlength: '500',
      value, autocomplete: 'off', 'aria-describedby': hint ? hintId : null,
    });
    const form = h('form', { method: 'dialog' },
      h('h2', { id: titleId }, title),
      h('div', { class: 'field' }, h('label', { for: inputId }, labelText), input),
      hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', value: 'ok' }, confirmLabel),
        h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close('cancel') }, 'Cancel')));
    const dialog = h('dialog', { class: 'ask', dataset: { testid }, 'aria-labelledby': titleId }, form);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!input.value.trim()) { input.focus(); return; }
      dialog.close('ok');
    });
    dialog.addEventListener('close', () => {
      const text = dialog.returnValue === 'ok' ? input.value.trim() : null;
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(text);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
    input.select();
  });
}

/** The reason for reading case-level data; remembered for this page so the next read can reuse it. */
export async function askReason(what) {
  const reason = await askText({
    testid: 'reason-dialog',
    title: 'Why are you reading this?',
    labelText: `Reason for reading ${what}`,
    hint: 'Case-level data. Your reason, your name, the time and what you read are recorded in the access log before anything is shown.',
    value: lastReason,
    confirmLabel: 'Record reason and show',
    minLength: 3,
  });
  if (reason) lastReason = reason;
  return reason;
}
