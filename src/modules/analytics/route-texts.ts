import { ProblemResponse } from '../../platform/http/schemas.js';

/** What every dashboard route says alike. */
export const tags = ['admin', 'analytics'];
export const PROBLEMS = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };
export const PERIOD_TEXT =
  '`from`/`to` are UTC dates (`to` inclusive), by default the 30 days up to today. Field errors: ' +
  '`/from` or `/to` `date` (no such date), `/to` `afterFrom` (before `from`), `/to` `maxRange` (over 366 days). Admins only.';
