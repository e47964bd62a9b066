import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCreateContract,
  ZCreateReferral,
  ZCreateSession,
  ZCreateTask,
  ZReferral,
  ZResidenceReminder,
  ZSession,
  ZTask,
  ZTaskList,
  ZTaskQuery,
  ZTerminateContract,
  ZTrainingContract,
  ZUpdateReferral,
  ZUpdateSession,
  ZUpdateTask,
} from '../../../contracts/cases';
import { ZIdParams, ZProblem } from '../../../contracts/common';
import { createContract, terminateContract } from './contracts.service';
import { createReferral, updateReferral } from './referrals.service';
import { createSession, updateSession } from './sessions.service';
import { createTask, listTasks, updateTask } from './tasks.service';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const tags = ['cases'];

/** HTTP routes of the work on a case: sessions, tasks, referrals, training contract. */
export const caseWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  /** POST /api/cases/:id/sessions — a held session or a planned appointment; next steps → tasks. */
  app.post(
    '/api/cases/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Record a session or plan an appointment',
        params: ZIdParams,
        body: ZCreateSession,
        response: { 201: z.object({ session: ZSession, tasks: z.array(ZTask) }), ...problems },
      },
    },
    async (req, reply) => reply.status(201).send(await createSession(req.ctx, req.params.id, req.body)),
  );

  /** PATCH /api/sessions/:id — mark held / cancelled, move, edit notes; 409 on a stale `version`. */
  app.patch(
    '/api/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Update a session',
        params: ZIdParams,
        body: ZUpdateSession,
        response: { 200: z.object({ session: ZSession }), ...problems },
      },
    },
    async (req) => ({ session: await updateSession(req.ctx, req.params.id, req.body) }),
  );

  /** POST /api/cases/:id/tasks — a task on the case. */
  app.post(
    '/api/cases/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Add a task',
        params: ZIdParams,
        body: ZCreateTask,
        response: { 201: z.object({ task: ZTask }), ...problems },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ task: await createTask(req.ctx, req.params.id, req.body) }),
  );

  /** GET /api/tasks — tasks of the office (`mine`, `overdue`, `done`, `caseId`). */
  app.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'List tasks',
        querystring: ZTaskQuery,
        response: { 200: ZTaskList, ...problems },
      },
    },
    async (req) => listTasks(req.ctx, req.query),
  );

  /** PATCH /api/tasks/:id — done, due date, owner, title; 409 on a stale `version`. */
  app.patch(
    '/api/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Update a task',
        params: ZIdParams,
        body: ZUpdateTask,
        response: { 200: z.object({ task: ZTask }), ...problems },
      },
    },
    async (req) => ({ task: await updateTask(req.ctx, req.params.id, req.body) }),
  );

  /** POST /api/cases/:id/referrals — refer the client to a partner. */
  app.post(
    '/api/cases/:id/referrals',
    {
      schema: {
        tags,
        summary: 'Record a referral',
        params: ZIdParams,
        body: ZCreateReferral,
        response: { 201: z.object({ referral: ZReferral }), ...problems },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ referral: await createReferral(req.ctx, req.params.id, req.body) }),
  );

  /** PATCH /api/referrals/:id — the partner's feedback; 409 on a stale `version`. */
  app.patch(
    '/api/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Record referral feedback',
        params: ZIdParams,
        body: ZUpdateReferral,
        response: { 200: z.object({ referral: ZReferral }), ...problems },
      },
    },
    async (req) => ({ referral: await updateReferral(req.ctx, req.params.id, req.body) }),
  );

  /** POST /api/cases/:id/contract — the signed training contract. */
  app.post(
    '/api/cases/:id/contract',
    {
      schema: {
        tags,
        summary: 'Record the training contract',
        params: ZIdParams,
        body: ZCreateContract,
        response: { 201: z.object({ contract: ZTrainingContract }), ...problems },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ contract: await createContract(req.ctx, req.params.id, req.body) }),
  );

  /** POST /api/cases/:id/contract/terminate — early end of the contract, with reminders and tasks. */
  app.post(
    '/api/cases/:id/contract/terminate',
    {
      schema: {
        tags,
        summary: 'Record the early end of the training contract',
        params: ZIdParams,
        body: ZTerminateContract,
        response: {
          200: z.object({
            contract: ZTrainingContract,
            tasks: z.array(ZTask),
            reminders: z.array(ZResidenceReminder),
          }),
          ...problems,
        },
      },
    },
    async (req) => terminateContract(req.ctx, req.params.id, req.body),
  );
};
