// The typed API over the generated Wails bindings, as one object for the
// stores and screens: each service has its own module (projectsApi.ts,
// documentsApi.ts, codingApi.ts, codebookApi.ts, agreementApi.ts,
// reviewApi.ts, quotesApi.ts, memosApi.ts; casesApi.ts, searchApi.ts, importApi.ts and
// privacyApi.ts are used on their own), and wire.ts holds what they share:
// the error mapping and the wire types. Only those modules import wailsjs.

import { agreementApi } from './agreementApi';
import { codebookApi } from './codebookApi';
import { codingApi } from './codingApi';
import { documentsApi } from './documentsApi';
import { memosApi } from './memosApi';
import { projectsApi } from './projectsApi';
import { quotesApi } from './quotesApi';
import { reviewApi } from './reviewApi';

export { ThemisError, toThemisError, call, type ErrorCode, type ErrorKind } from './wire';

export const api = {
  ...projectsApi,
  ...documentsApi,
  ...codingApi,
  ...codebookApi,
  ...agreementApi,
  ...reviewApi,
  ...quotesApi,
  ...memosApi,
};

export type Api = typeof api;
