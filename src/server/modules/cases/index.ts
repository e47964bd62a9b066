/**
 * Cases module (issue 4): a client's way from first contact to stable training — stage pipeline
 * with history, counselling sessions and appointments, tasks, referrals, training contract,
 * residence-law reminders and the counsellor's home page. The only writer of `case`,
 * `case_stage_change`, `counselling_session`, `task`, `referral` and `training_contract`; uses the
 * clients module through its index only.
 */
import type { FastifyPluginAsync } from 'fastify';
import { caseRoutes } from './cases.routes';
import { caseWorkRoutes } from './work.routes';

/** The module's Fastify plugin: `/api/cases/*`, `/api/sessions/*`, `/api/tasks*`, `/api/referrals/*`, `/api/agenda`. */
export const casesRoutes: FastifyPluginAsync = async (app) => {
  await app.register(caseRoutes);
  await app.register(caseWorkRoutes);
};
export { advanceCaseOfClient, type CaseAdvance } from './advance.service';
export { bulkInsertCases, type CaseSeedRow } from './cases.bulk';
export { createCase, getCase, listCases, moveCasesToClient } from './cases.service';
export { type PlacementContractInput, recordContractOfPlacement } from './contracts.placement';
export {
  type CompanyTaskInput,
  createCompanyTask,
  ensureConsentAt18Tasks,
  moveCompanyTasks,
} from './tasks.service';
