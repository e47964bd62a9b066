import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZClientConflict } from '../../../contracts/clients';
import { ZIdParams, ZProblem } from '../../../contracts/common';
import {
  ZConfirmResult,
  ZConfirmSubmission,
  ZCreatedProfileLink,
  ZCreateProfileLink,
  ZProfileLinkBody,
  ZProfileLinkList,
  ZProfileLinkParams,
  ZProfilePdfQuery,
  ZProfileSubmissionList,
  ZSubmissionParams,
  ZSubmissionUploadParams,
} from '../../../contracts/self-service';
import { contentDisposition } from './http';
import * as linksService from './links.service';
import { renderApplicationProfile } from './pdf.profile';
import * as submissions from './submissions.service';

const problems = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZClientConflict,
  422: ZProblem,
};
const tags = ['self-service'];
/** A file sent as is (`z.any`: the body is not JSON). */
const file = z.any().describe('the file');

/**
 * Counsellor routes of the application profile (issue 7): profile links (create with QR code, list,
 * revoke), submitted profiles (list, confirm into the record, uploaded files) and the one-page PDF.
 * Counsellors and coordinators of the client's office; another office's client answers 404.
 */
export const profileRoutes: FastifyPluginAsyncZod = async (app) => {
  /** POST /api/clients/:id/profile-links — a private link (token shown once) with its QR code. */
  app.post(
    '/api/clients/:id/profile-links',
    {
      schema: {
        tags,
        summary: 'Create a profile link for a client',
        params: ZIdParams,
        body: ZCreateProfileLink,
        response: { 201: ZCreatedProfileLink, ...problems },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await linksService.createProfileLink(req.ctx, req.params.id, req.body)),
  );

  /** GET /api/clients/:id/profile-links — the client's links with their state. */
  app.get(
    '/api/clients/:id/profile-links',
    {
      schema: {
        tags,
        summary: 'List the profile links of a client',
        params: ZIdParams,
        response: { 200: ZProfileLinkList, ...problems },
      },
    },
    async (req) => ({ items: await linksService.listProfileLinks(req.ctx, req.params.id) }),
  );

  /** POST /api/clients/:id/profile-links/:linkId/revoke — the link stops working; its draft is deleted. */
  app.post(
    '/api/clients/:id/profile-links/:linkId/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a profile link',
        params: ZProfileLinkParams,
        response: { 200: ZProfileLinkBody, ...problems },
      },
    },
    async (req) => ({
      link: await linksService.revokeProfileLink(req.ctx, req.params.id, req.params.linkId),
    }),
  );

  /** GET /api/clients/:id/profile-submissions — submitted profiles, newest first (audited). */
  app.get(
    '/api/clients/:id/profile-submissions',
    {
      schema: {
        tags,
        summary: 'List the submitted profiles of a client',
        params: ZIdParams,
        response: { 200: ZProfileSubmissionList, ...problems },
      },
    },
    async (req) => ({ items: await submissions.listSubmissions(req.ctx, req.params.id) }),
  );

  /** POST /api/clients/:id/profile-submissions/:submissionId/confirm — take answers into the record. */
  app.post(
    '/api/clients/:id/profile-submissions/:submissionId/confirm',
    {
      schema: {
        tags,
        summary: 'Take chosen answers of a submitted profile into the client record',
        params: ZSubmissionParams,
        body: ZConfirmSubmission,
        response: { 200: ZConfirmResult, ...problems },
      },
    },
    async (req) => submissions.confirmSubmission(req.ctx, req.params.id, req.params.submissionId, req.body),
  );

  /** GET /api/clients/:id/profile-submissions/:submissionId/uploads/:uploadId — an uploaded file (audited). */
  app.get(
    '/api/clients/:id/profile-submissions/:submissionId/uploads/:uploadId',
    {
      schema: {
        tags,
        summary: 'Download a photo or document uploaded with a profile',
        params: ZSubmissionUploadParams,
        response: { 200: file, ...problems },
      },
    },
    async (req, reply) => {
      const f = await submissions.getSubmissionUpload(req.ctx, {
        clientId: req.params.id,
        submissionId: req.params.submissionId,
        uploadId: req.params.uploadId,
      });
      return reply
        .header('content-type', f.mimeType)
        .header('content-disposition', contentDisposition('attachment', f.fileName))
        .header('cache-control', 'no-store')
        .send(f.content);
    },
  );

  /** GET /api/clients/:id/application-profile.pdf — the one-page German profile for companies. */
  app.get(
    '/api/clients/:id/application-profile.pdf',
    {
      schema: {
        tags,
        summary: 'The application profile as a one-page German PDF for companies',
        params: ZIdParams,
        querystring: ZProfilePdfQuery,
        response: { 200: file, ...problems },
      },
    },
    async (req, reply) => {
      const pdf = await renderApplicationProfile(req.ctx, req.params.id, req.query);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition('inline', pdf.fileName))
        .header('cache-control', 'no-store')
        .send(pdf.bytes);
    },
  );
};
