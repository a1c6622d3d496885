/** Test helpers for apps built on this package: a fake server, and rendering under the real providers. */
export { ADMIN, fakeFetch, json, problem, tokens, USER, type Handler } from './fakeServer';
export { LocationProbe, renderApp, signedInClient } from './render';
export { flattenMessages, translationProblems } from './translations';
