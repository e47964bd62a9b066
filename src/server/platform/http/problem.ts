import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { TProblem } from '../../../contracts/common';
import { AppError, ERROR_STATUS, type ErrorCode } from '../errors';
import { pickLanguage, translator, zodMessage } from '../i18n';

const CONTEXT_NAMES: Record<string, string> = { querystring: 'query', params: 'params', body: 'body' };

/** Fastify's own error codes we answer with one of ours instead of a generic 500. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_CSRF_INVALID_TOKEN: 'csrf',
  FST_CSRF_MISSING_SECRET: 'csrf',
};

function send(request: FastifyRequest, reply: FastifyReply, problem: TProblem): FastifyReply {
  return reply
    .status(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('content-language', pickLanguage(request.headers['accept-language']))
    .send(problem);
}

/** Answers `code` as localised problem+json (for errors raised outside the handler, e.g. bad URLs). */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  status?: number,
): FastifyReply {
  return send(request, reply, problemFor(request, code, status));
}

/** The value at `path` inside the request part that failed validation (zod's messages name its type). */
function valueAt(request: FastifyRequest, context: string, path: string[]): unknown {
  const root: unknown =
    context === 'body' ? request.body : context === 'query' ? request.query : request.params;
  return path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    root,
  );
}

function problemFor(request: FastifyRequest, code: ErrorCode, status?: number): TProblem {
  const t = translator(pickLanguage(request.headers['accept-language']));
  return {
    type: `/api/problems/${code}`,
    title: t(`errors.${code}`),
    status: status ?? ERROR_STATUS[code],
    detail: t(`errors.${code}`),
    instance: request.url.split('?')[0],
    code,
  };
}

/** A path the single-page app routes itself: not the API, not a missing asset file. */
function isClientRoute(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return (
    path !== '/api' &&
    !path.startsWith('/api/') &&
    !path.startsWith('/assets/') &&
    !/\.[a-z0-9]+$/i.test(path)
  );
}

/**
 * The one error handler (house style rule 3): maps AppError, zod validation failures and Fastify's
 * own errors to localised RFC 9457 problem+json; unknown errors become a bare 500 (logged, never leaked).
 * Unknown API routes answer 404 the same way; with `spaFallback`, other GETs get the web app's index.html.
 */
export const problemPlugin = fp(async (app: FastifyInstance, opts: { spaFallback?: boolean }) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = pickLanguage(request.headers['accept-language']);
    const t = translator(lang);
    if (error instanceof AppError) {
      const problem = problemFor(request, error.code);
      if (error.fields.length > 0) {
        // A field code with its own text (`fieldErrors.in_future`) says more than the error's message;
        // so does the zod issue behind a service's own validation.
        problem.errors = error.fields.map((f) => ({
          field: f.field,
          code: f.code,
          message:
            t(`fieldErrors.${f.code}`, { defaultValue: '', ...f.params }) ||
            (f.issue ? zodMessage(lang, f.issue) : t(`errors.${f.messageKey ?? error.code}`, f.params)),
        }));
      }
      return send(request, reply, { ...problem, ...error.extra });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = CONTEXT_NAMES[error.validationContext ?? 'body'] ?? 'body';
      const problem = problemFor(request, 'validation');
      problem.errors = error.validation.flatMap((v) => {
        const path = v.instancePath.replace(/^\//, '').split('/').filter(Boolean);
        // A strict object names each field it does not take (`body.companyId`), not the object.
        const unknownKeys = v.keyword === 'unrecognized_keys' ? v.params.keys : undefined;
        if (Array.isArray(unknownKeys)) {
          return unknownKeys.map((key) => ({
            field: [context, ...path, String(key)].join('.'),
            code: v.keyword,
            message: t('fieldErrors.unrecognized_keys'),
          }));
        }
        // A refinement whose error is a code with its own text (`places_or_companies`) keeps that code.
        const own =
          v.keyword === 'custom' && typeof v.message === 'string' && /^[a-z_]+$/.test(v.message)
            ? t(`fieldErrors.${v.message}`, { defaultValue: '' })
            : '';
        if (own) return [{ field: [context, ...path].join('.'), code: v.message as string, message: own }];
        const input = valueAt(request, context, path);
        // `?k=1&k=2` reaches a single-valued query field as an array: say it was given twice.
        if (
          context === 'query' &&
          path.length === 1 &&
          Array.isArray(input) &&
          v.keyword === 'invalid_type'
        ) {
          return [
            {
              field: `query.${path[0]}`,
              code: 'repeated_parameter',
              message: t('fieldErrors.repeated_parameter'),
            },
          ];
        }
        const issue = {
          ...v.params,
          code: v.keyword,
          path,
          input,
        } as z.core.$ZodRawIssue;
        return [{ field: [context, ...path].join('.'), code: v.keyword, message: zodMessage(lang, issue) }];
      });
      return send(request, reply, problem);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(request, reply, problemFor(request, 'internal'));
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return send(request, reply, problemFor(request, mapped));
    if (error.statusCode === 429) return send(request, reply, problemFor(request, 'rate_limited'));
    if (error.statusCode === 403) return send(request, reply, problemFor(request, 'forbidden'));
    if (error.statusCode === 404) return send(request, reply, problemFor(request, 'not_found'));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(request, reply, problemFor(request, 'bad_request', error.statusCode));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, problemFor(request, 'internal'));
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the single-page app: any non-API GET gets index.html.
    if (opts.spaFallback && request.method === 'GET' && isClientRoute(request.url)) {
      return reply.sendFile('index.html');
    }
    return send(request, reply, problemFor(request, 'not_found'));
  });
});
