/** Demo module: the demo installation that `npm start` seeds on an empty database. */
export { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './demo.seed';
