import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZClientConflict } from '../../../contracts/clients';
import { ZIdParams, ZProblem } from '../../../contracts/common';
import {
  ZLetterParams,
  ZLetterPreview,
  ZLetterQuery,
  ZLetterTemplateList,
  ZMissingTranslationList,
  ZSendLetter,
  ZSentLetterBody,
  ZSentLetterList,
} from '../../../contracts/self-service';
import { requireAccess } from '../../platform/auth/policy';
import { contentDisposition } from './http';
import { listTemplates, missingTranslations } from './letters.render';
import * as letters from './letters.service';

const problems = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZClientConflict,
  422: ZProblem,
  502: ZProblem,
};
const tags = ['letters'];

/**
 * Letter routes (issue 7): templates with their review state and the translations editors owe;
 * per client a preview, a printable PDF (logged as print), sending by e-mail (logged with the
 * consent) and the sent-log. Counsellors and coordinators of the client's office.
 */
export const lettersRoutes: FastifyPluginAsyncZod = async (app) => {
  /** GET /api/letters/templates — the templates and the review state of each language. */
  app.get(
    '/api/letters/templates',
    {
      schema: { tags, summary: 'List letter templates', response: { 200: ZLetterTemplateList, ...problems } },
    },
    async (req) => {
      requireAccess(req.ctx, 'read', 'client');
      return { items: listTemplates() };
    },
  );

  /** GET /api/letters/templates/missing — translations missing (German shown) or not yet reviewed. */
  app.get(
    '/api/letters/templates/missing',
    {
      schema: {
        tags,
        summary: 'Translations editors still owe',
        response: { 200: ZMissingTranslationList, ...problems },
      },
    },
    async (req) => {
      requireAccess(req.ctx, 'read', 'client');
      return { items: missingTranslations() };
    },
  );

  /** GET /api/clients/:id/letters/:kind/preview?language=&appointmentAt= — the letter filled from the record. */
  app.get(
    '/api/clients/:id/letters/:kind/preview',
    {
      schema: {
        tags,
        summary: 'Preview a letter to a client',
        params: ZLetterParams,
        querystring: ZLetterQuery,
        response: { 200: ZLetterPreview, ...problems },
      },
    },
    async (req) => letters.previewLetter(req.ctx, req.params.id, req.params.kind, req.query),
  );

  /** GET /api/clients/:id/letters/:kind/pdf?language=&appointmentAt= — printable PDF (logged as print). */
  app.get(
    '/api/clients/:id/letters/:kind/pdf',
    {
      schema: {
        tags,
        summary: 'Print a letter to a client (PDF)',
        params: ZLetterParams,
        querystring: ZLetterQuery,
        response: { 200: z.any().describe('application/pdf'), ...problems },
      },
    },
    async (req, reply) => {
      const pdf = await letters.printLetter(req.ctx, req.params.id, req.params.kind, req.query);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition('inline', pdf.fileName))
        .header('cache-control', 'no-store')
        .send(pdf.bytes);
    },
  );

  /** POST /api/clients/:id/letters/:kind/send — e-mail the letter to the client's address (logged). */
  app.post(
    '/api/clients/:id/letters/:kind/send',
    {
      schema: {
        tags,
        summary: 'Send a letter to a client by e-mail',
        params: ZLetterParams,
        body: ZSendLetter,
        response: { 201: ZSentLetterBody, ...problems },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ entry: await letters.sendLetter(req.ctx, req.params.id, req.params.kind, req.body) }),
  );

  /** GET /api/clients/:id/letters/sent — what was sent to the client, when, by whom, under which consent. */
  app.get(
    '/api/clients/:id/letters/sent',
    {
      schema: {
        tags,
        summary: 'The sent-log of a client',
        params: ZIdParams,
        response: { 200: ZSentLetterList, ...problems },
      },
    },
    async (req) => ({ items: await letters.listSentLetters(req.ctx, req.params.id) }),
  );
};
