import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { auditRoutes } from './modules/audit/index';
import { casesRoutes, moveCasesToClient } from './modules/cases/index';
import { clientsRoutes } from './modules/clients/index';
import { companiesRoutes } from './modules/companies/index';
import { healthRoutes } from './modules/health/index';
import { importsRoutes } from './modules/imports/index';
import { matchingRoutes } from './modules/matching/index';
import { officeDirectoryRoutes } from './modules/office-directory/index';
import { officesRoutes } from './modules/offices/index';
import { moveClientPlacements, placementsRoutes } from './modules/placements/index';
import { moveClientCandidates, moveCompanyPlaces, placesRoutes } from './modules/places/index';
import { referenceRoutes } from './modules/reference/index';
import { moveSelfServiceToClient, redactProfileToken, selfServiceRoutes } from './modules/self-service/index';
import { resolveSession, usersRoutes } from './modules/users/index';
import { authPlugin } from './platform/auth/auth.plugin';
import type { Config } from './platform/config';
import type { DatabaseHandle } from './platform/db/database';
import { getMeta, setMeta } from './platform/db/meta';
import { inputHygienePlugin } from './platform/http/input';
import { problemPlugin, sendProblem } from './platform/http/problem';
import { registerWeb } from './platform/http/web';

/** Application version from package.json (reported by /api/health and the OpenAPI document). */
export const APP_VERSION: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;

/** One registered route (the route × role test walks them all). */
export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered on the app, in order. */
    routeTable: RouteEntry[];
  }
}

/** SESSION_SECRET, or a random secret kept in `app_meta` so cookies survive restarts. */
async function cookieSecret(config: Config, handle: DatabaseHandle): Promise<string> {
  if (config.sessionSecret) return config.sessionSecret;
  const stored = await getMeta(handle.db, 'cookie_secret');
  if (stored) return stored;
  const secret = randomBytes(32).toString('base64url');
  await setMeta(handle.db, 'cookie_secret', secret);
  return secret;
}

/**
 * Builds the whole application as one Fastify instance (the app is a plugin; `main.ts` only wraps
 * it, so tests build the very same app). Expects a migrated database.
 */
export async function buildApp(config: Config, handle: DatabaseHandle): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // The token of a profile link is a secret: it never reaches the log (issue 7).
            serializers: {
              req: (req: { method: string; url: string; host?: string; ip?: string }) => ({
                method: req.method,
                url: redactProfileToken(req.url),
                host: req.host,
                remoteAddress: req.ip,
              }),
            },
          },
    bodyLimit: config.bodyLimitBytes,
    // Over-long path parameters (e.g. a pasted 300-character profile token) reach the route and
    // are answered there (404 in the client's language) instead of the generic not-found.
    routerOptions: { maxParamLength: 1000 },
    trustProxy: config.publicUrl.startsWith('https:'),
    // Malformed URLs (e.g. "/%ff") never reach a route: answer them as problem+json too.
    frameworkErrors: (_error, req, reply) => {
      sendProblem(req, reply, 'bad_request', 400);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteEntry[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: r.url, public: !!r.config?.public });
  });
  const webServed = config.serveWeb && (await registerWeb(app, config.webDir));
  await app.register(problemPlugin, { spaFallback: webServed });
  await app.register(inputHygienePlugin);
  await app.register(fastifyHelmet, {
    // HSTS only makes sense (and only binds browsers) under https.
    hsts: config.secureCookies,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Only under https: on a plain-http intranet install it would break every asset request.
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'KAUSA platform API',
        version: APP_VERSION,
        description: 'Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kausa_session' },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description: 'Token from GET /api/auth/csrf; required on every POST, PUT, PATCH and DELETE.',
          },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true };
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
    staticCSP: true,
  });

  await app.register(authPlugin, {
    config,
    db: handle.db,
    cookieSecret: await cookieSecret(config, handle),
    resolveSession,
  });

  await app.register(healthRoutes, { driver: handle.driver, version: APP_VERSION });
  await app.register(usersRoutes, { loginPerMinute: config.loginRateLimitPerMinute });
  await app.register(officesRoutes);
  await app.register(auditRoutes);
  await app.register(referenceRoutes);
  await app.register(officeDirectoryRoutes);
  // Merging two clients moves their cases and place candidacies in the same transaction (those modules
  // depend on clients, not back).
  await app.register(clientsRoutes, {
    mergeHandlers: [moveCasesToClient, moveClientCandidates, moveClientPlacements, moveSelfServiceToClient],
  });
  await app.register(casesRoutes);
  // Merging two companies moves their training places in the same transaction (places depend on companies).
  await app.register(companiesRoutes, { mergeHandlers: [moveCompanyPlaces] });
  await app.register(placesRoutes);
  // Placements (issue 6) move cases, companies and places through those modules' index.
  await app.register(placementsRoutes);
  // Imports and exports of companies and places (writes only through those modules' index).
  await app.register(importsRoutes, { maxBytes: config.importMaxBytes, copy: handle.copyCsv });
  // Matching (issue 6): suggestions, weights, batch runs, assignment (reads clients and places by joins).
  await app.register(matchingRoutes);
  // Self-service (issue 7): profile links and public form, confirmation into the record, PDF, letters.
  await app.register(selfServiceRoutes, {
    perMinute: config.publicProfileRatePerMinute,
    uploadMaxBytes: config.profileUploadMaxBytes,
  });

  /** GET /api/openapi.json — the OpenAPI 3 document generated from the route schemas. */
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  return app;
}
