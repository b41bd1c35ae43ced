// Every figure the page can draw, by the API's name for it.
import { funnel } from './funnel.js';
import { lags } from './lags.js';
import { ethnicity } from './ethnicity.js';
import { completeness } from './completeness.js';
import { coldCases } from './cold-cases.js';
import { caseload } from './caseload.js';
import { nationality } from './nationality.js';
import { periodCounts } from './period-counts.js';

export const FIGURES = [funnel, lags, ethnicity, completeness, coldCases, caseload, nationality, periodCounts];
export const FIGURE_BY_NAME = new Map(FIGURES.map((f) => [f.name, f]));
