import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOk } from '../../../contracts/common';
import {
  ZDraftSaved,
  ZProfileDraft,
  ZProfileForm,
  ZProfileFormQuery,
  ZProfileUploadBody,
  ZProfileUploadQuery,
  ZPublicProblem,
  ZSubmitReceipt,
  ZTokenParams,
} from '../../../contracts/self-service';
import { pickClientLanguage } from './language';
import * as publicProfile from './profile.public';
import { readUpload, UploadStream } from './profile.uploads';

const problems = {
  400: ZPublicProblem,
  404: ZPublicProblem,
  409: ZPublicProblem,
  410: ZPublicProblem,
  413: ZPublicProblem,
  415: ZPublicProblem,
  429: ZPublicProblem,
};
const tags = ['self-service (public)'];

/** Options of the public profile routes. */
export interface PublicProfileRoutesOptions {
  /** Requests per minute and client address (config `PUBLIC_PROFILE_RATE_LIMIT_PER_MINUTE`). */
  perMinute: number;
  /** Largest upload in bytes (config `PROFILE_UPLOAD_MAX_BYTES`). */
  uploadMaxBytes: number;
}

/** Query of the delete route: the language to answer in. */
const ZLangQuery = ZProfileFormQuery;

/** The upload route, in its own scope so its raw-body parser applies to it alone. */
const uploadRoute: FastifyPluginAsyncZod<PublicProfileRoutesOptions> = async (app, opts) => {
  // Any Content-Type: the body stays a stream; the type is recognised from the bytes later.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => done(null, new UploadStream(payload)));

  /**
   * POST /api/public/profile/:token/uploads?kind=photo|document&fileName= — the raw file as body
   * (at most `PROFILE_UPLOAD_MAX_BYTES`; JPEG, PNG, WebP or PDF by its bytes). 413/415 name the reason
   * in the client's language.
   */
  app.post(
    '/api/public/profile/:token/uploads',
    {
      config: { public: true, rateLimit: { max: opts.perMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Upload a photo or document to a profile draft',
        description: 'Raw body (any Content-Type); JPEG, PNG, WebP or PDF, recognised from the bytes.',
        params: ZTokenParams,
        querystring: ZProfileUploadQuery.extend({ lang: ZProfileFormQuery.shape.lang }),
        response: { 201: ZProfileUploadBody, ...problems },
      },
    },
    async (req, reply) => {
      const lang = req.query.lang ?? undefined;
      // The link is checked first so its errors (and the size error) come in its language.
      const link = await publicProfile.openLink(req.ctx.db, req.params.token, { lang });
      const language = lang ?? pickClientLanguage(link.language);
      const length = req.headers['content-length'];
      const bytes = await readUpload(req.body instanceof UploadStream ? req.body : undefined, {
        maxBytes: opts.uploadMaxBytes,
        contentLength: length ? Number(length) : null,
        lang: language,
      });
      const upload = await publicProfile.storeUpload(req.ctx, req.params.token, {
        kind: req.query.kind,
        fileName: req.query.fileName,
        bytes,
        lang: language,
      });
      return reply.status(201).send({ upload });
    },
  );
};

/**
 * Public routes of the application profile (issue 7): no sign-in, the token in the path is the only
 * key; rate-limited per address. An unknown token answers 404, a used, revoked or expired one 410,
 * each with a message in the client's language and nothing of the client.
 */
export const publicProfileRoutes: FastifyPluginAsyncZod<PublicProfileRoutesOptions> = async (app, opts) => {
  const config = { public: true, rateLimit: { max: opts.perMinute, timeWindow: '1 minute' } };
  await app.register(uploadRoute, opts);

  /** GET /api/public/profile/:token?lang= — the form in a language, with the client's draft. */
  app.get(
    '/api/public/profile/:token',
    {
      config,
      schema: {
        tags,
        summary: 'The application profile form of a private link',
        params: ZTokenParams,
        querystring: ZProfileFormQuery,
        response: { 200: ZProfileForm, ...problems },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return publicProfile.getProfileForm(
        req.ctx,
        req.params.token,
        req.query.lang,
        pickClientLanguage(req.headers['accept-language']),
      );
    },
  );

  /** PUT /api/public/profile/:token/draft — save the draft (whole draft; late saves with lower `seq` ignored). */
  app.put(
    '/api/public/profile/:token/draft',
    {
      config,
      schema: {
        tags,
        summary: 'Save the draft of a profile',
        params: ZTokenParams,
        body: ZProfileDraft,
        response: { 200: ZDraftSaved, ...problems },
      },
    },
    async (req) => publicProfile.saveProfileDraft(req.ctx, req.params.token, req.body),
  );

  /** POST /api/public/profile/:token/submit — submit once; a repeat returns the same receipt. */
  app.post(
    '/api/public/profile/:token/submit',
    {
      config,
      schema: {
        tags,
        summary: 'Submit a profile',
        params: ZTokenParams,
        body: ZProfileDraft,
        response: { 200: ZSubmitReceipt, ...problems },
      },
    },
    async (req) => publicProfile.submitProfile(req.ctx, req.params.token, req.body),
  );

  /** DELETE /api/public/profile/:token/uploads/:uploadId?lang= — remove an uploaded file. */
  app.delete(
    '/api/public/profile/:token/uploads/:uploadId',
    {
      config,
      schema: {
        tags,
        summary: 'Remove an uploaded file from a profile draft',
        params: ZTokenParams.extend({ uploadId: z.uuid() }),
        querystring: ZLangQuery,
        response: { 200: ZOk, ...problems },
      },
    },
    async (req) => {
      await publicProfile.deleteUpload(req.ctx, req.params.token, req.params.uploadId, req.query.lang);
      return { ok: true as const };
    },
  );

  /** GET /api/public/profile/:token/qr.svg — the QR code of the link's URL (open links only). */
  app.get(
    '/api/public/profile/:token/qr.svg',
    {
      config,
      schema: {
        tags,
        summary: 'QR code of a profile link',
        params: ZTokenParams,
        response: { 200: z.any().describe('image/svg+xml'), ...problems },
      },
    },
    async (req, reply) =>
      reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(await publicProfile.linkQrSvg(req.ctx, req.params.token)),
  );
};
