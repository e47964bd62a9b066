import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZOk, ZProblem } from '../../../contracts/common';
import {
  ZAdviceItem,
  ZAdviceParams,
  ZCompany,
  ZCompanyConflict,
  ZCompanyContact,
  ZContactPerson,
  ZContactPersonParams,
  ZCreateCompanyContact,
  ZCreateContactPerson,
  ZUpdateAdviceItem,
  ZUpdateContactPerson,
  ZVersionQuery,
} from '../../../contracts/companies';
import { getAdvice, updateAdviceItem } from './advice.service';
import { listCompanyContacts, logCompanyContact } from './contacts.service';
import { addContactPerson, removeContactPerson, updateContactPerson } from './persons.service';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZCompanyConflict };
const tags = ['companies'];
const adviceBody = z.object({ items: z.array(ZAdviceItem) });

/** HTTP routes of the work with a company: contact persons, contact log, advice checklist. */
export const companyWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  /** POST /api/companies/:id/contact-persons — add a contact person (optionally the primary one). */
  app.post(
    '/api/companies/:id/contact-persons',
    {
      schema: {
        tags,
        summary: 'Add a contact person',
        params: ZIdParams,
        body: ZCreateContactPerson,
        response: { 201: z.object({ contactPerson: ZContactPerson }), ...problems },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ contactPerson: await addContactPerson(req.ctx, req.params.id, req.body) }),
  );

  /** PATCH /api/companies/:id/contact-persons/:personId — change a contact person; 409 on a stale `version`. */
  app.patch(
    '/api/companies/:id/contact-persons/:personId',
    {
      schema: {
        tags,
        summary: 'Update a contact person',
        params: ZContactPersonParams,
        body: ZUpdateContactPerson,
        response: { 200: z.object({ contactPerson: ZContactPerson }), ...problems },
      },
    },
    async (req) => ({
      contactPerson: await updateContactPerson(req.ctx, req.params.id, req.params.personId, req.body),
    }),
  );

  /** DELETE /api/companies/:id/contact-persons/:personId?version= — remove a contact person. */
  app.delete(
    '/api/companies/:id/contact-persons/:personId',
    {
      schema: {
        tags,
        summary: 'Remove a contact person',
        params: ZContactPersonParams,
        querystring: ZVersionQuery,
        response: { 200: ZOk, ...problems },
      },
    },
    async (req) => {
      await removeContactPerson(req.ctx, req.params.id, req.params.personId, req.query.version);
      return { ok: true as const };
    },
  );

  /** GET /api/companies/:id/contacts — the contact log, newest first, with each follow-up task's state. */
  app.get(
    '/api/companies/:id/contacts',
    {
      schema: {
        tags,
        summary: 'List the contact log',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZCompanyContact) }), ...problems },
      },
    },
    async (req) => ({ items: await listCompanyContacts(req.ctx, req.params.id) }),
  );

  /** POST /api/companies/:id/contacts — log a contact; a next step becomes a follow-up task. */
  app.post(
    '/api/companies/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Log a contact',
        params: ZIdParams,
        body: ZCreateCompanyContact,
        response: { 201: z.object({ contact: ZCompanyContact, company: ZCompany }), ...problems },
      },
    },
    async (req, reply) => reply.status(201).send(await logCompanyContact(req.ctx, req.params.id, req.body)),
  );

  /** GET /api/companies/:id/advice — the advice checklist (all items; unsaved ones open). */
  app.get(
    '/api/companies/:id/advice',
    {
      schema: {
        tags,
        summary: 'Get the advice checklist',
        params: ZIdParams,
        response: { 200: adviceBody, ...problems },
      },
    },
    async (req) => ({ items: await getAdvice(req.ctx, req.params.id) }),
  );

  /** PUT /api/companies/:id/advice/:item — set one item's state, date and note; 409 on a stale `version`. */
  app.put(
    '/api/companies/:id/advice/:item',
    {
      schema: {
        tags,
        summary: 'Update an advice checklist item',
        params: ZAdviceParams,
        body: ZUpdateAdviceItem,
        response: { 200: adviceBody, ...problems },
      },
    },
    async (req) => ({ items: await updateAdviceItem(req.ctx, req.params.id, req.params.item, req.body) }),
  );
};
