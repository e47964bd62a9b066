/** Demo module: the demo installation that `npm start` seeds on an empty database. */
export { demoCompanyNames } from './demo.companies';
export { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './demo.seed';
export { SYNTHETIC_NOTE, SYNTHETIC_OFFICES, SYNTHETIC_TAG } from './demo.synthetic';
