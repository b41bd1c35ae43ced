// The synthetic-data notice: any answer whose Casetrail-Data-Notice header, notice field or title says SYNTHETIC
// turns on the banner at the top of the page, and every figure panel shows the mark.
import { isSyntheticText } from './format.js';

let notice = null;
const listeners = new Set();

export function noteNotice(text) {
  if (!text || notice === text) return;
  if (notice && (isSyntheticText(notice) || !isSyntheticText(text))) return; // the first synthetic notice stays
  notice = text;
  for (const l of listeners) l(notice);
}

export function currentNotice() {
  return notice;
}

export function isSynthetic() {
  return isSyntheticText(notice);
}

export function onNotice(listener) {
  listeners.add(listener);
}
