// What a reader who is not signed in sees on a live view.
import { h } from '../dom.js';
import { currentUser } from '../auth.js';

export function signInPrompt(what) {
  return h('section', { class: 'notice-box', 'aria-labelledby': 'signin-needed' },
    h('h2', { id: 'signin-needed' }, currentUser() ? `${what}: live figures are for analysts and auditors`
      : `${what}: sign in to see live figures`),
    h('p', {}, 'Live figures are for signed-in analysts and auditors: two overlapping live queries could be subtracted to reveal a small count. '
      + 'The public reads the tables an analyst chose to publish, protected.'),
    h('p', {}, h('a', { href: '?view=publications' }, 'Read the publications')));
}
