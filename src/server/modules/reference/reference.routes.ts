import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZProblem } from '../../../contracts/common';
import { ZLandCode } from '../../../contracts/offices';
import {
  ZDistance,
  ZDistanceQuery,
  ZKldbNode,
  ZKldbQuery,
  ZKreis,
  ZLand,
  ZOccupation,
  ZOccupationList,
  ZOccupationQuery,
  ZPlaceHit,
  ZPlaceQuery,
  ZPostcodeInfo,
  ZPostcodeParams,
} from '../../../contracts/reference';
import * as service from './reference.service';

const tags = ['reference'];
const problems = { 400: ZProblem, 404: ZProblem };
/** Reference data are public (office finder, occupation browser): no sign-in needed. */
const config = { public: true };

/** Public reference-data routes under `/api/reference`. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  /** GET /api/reference/postcodes/:plz — Land, Kreis, centroid and places of a 5-digit postcode (GeoNames). */
  app.get(
    '/api/reference/postcodes/:plz',
    {
      config,
      schema: {
        tags,
        summary: 'Look up a postcode',
        params: ZPostcodeParams,
        response: { 200: ZPostcodeInfo, ...problems },
      },
    },
    async (req) => service.lookupPostcode(req.ctx.db, req.params.plz),
  );

  /** GET /api/reference/places?q= — place-name or postcode-prefix autocomplete. */
  app.get(
    '/api/reference/places',
    {
      config,
      schema: {
        tags,
        summary: 'Autocomplete places',
        querystring: ZPlaceQuery,
        response: { 200: z.object({ items: z.array(ZPlaceHit) }), ...problems },
      },
    },
    async (req) => ({ items: await service.searchPlaces(req.ctx.db, req.query.q, req.query.limit) }),
  );

  /** GET /api/reference/distance?from=&to= — great-circle km between two postcode centroids. */
  app.get(
    '/api/reference/distance',
    {
      config,
      schema: {
        tags,
        summary: 'Distance between postcodes (km)',
        querystring: ZDistanceQuery,
        response: { 200: ZDistance, ...problems },
      },
    },
    async (req) => ({
      from: req.query.from.trim(),
      to: req.query.to.trim(),
      km: await service.distanceKm(req.ctx.db, req.query.from, req.query.to),
    }),
  );

  /** GET /api/reference/occupations?q=&kldbPrefix=&letter=&kind= — recognised training occupations. */
  app.get(
    '/api/reference/occupations',
    {
      config,
      schema: {
        tags,
        summary: 'Search occupations',
        querystring: ZOccupationQuery,
        response: { 200: ZOccupationList, ...problems },
      },
    },
    async (req) => service.searchOccupations(req.ctx.db, req.query),
  );

  /** GET /api/reference/occupations/:id — one occupation. */
  app.get(
    '/api/reference/occupations/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Get an occupation',
        params: z.object({ id: z.string().max(120) }),
        response: { 200: z.object({ occupation: ZOccupation }), ...problems },
      },
    },
    async (req) => ({ occupation: await service.getOccupation(req.ctx.db, req.params.id) }),
  );

  /** GET /api/reference/kldb?parent= — KldB 2010 nodes below a code (areas without it). */
  app.get(
    '/api/reference/kldb',
    {
      config,
      schema: {
        tags,
        summary: 'Browse KldB 2010',
        querystring: ZKldbQuery,
        response: { 200: z.object({ items: z.array(ZKldbNode) }), ...problems },
      },
    },
    async (req) => ({ items: await service.listKldbChildren(req.ctx.db, req.query.parent) }),
  );

  /** GET /api/reference/laender — the 16 Länder with population. */
  app.get(
    '/api/reference/laender',
    {
      config,
      schema: { tags, summary: 'List Länder', response: { 200: z.object({ items: z.array(ZLand) }) } },
    },
    async (req) => ({ items: await service.listLaender(req.ctx.db) }),
  );

  /** GET /api/reference/kreise?land= — Kreise with population, optionally of one Land. */
  app.get(
    '/api/reference/kreise',
    {
      config,
      schema: {
        tags,
        summary: 'List Kreise',
        querystring: z.object({ land: ZLandCode.optional() }),
        response: { 200: z.object({ items: z.array(ZKreis) }), ...problems },
      },
    },
    async (req) => ({ items: await service.listKreise(req.ctx.db, req.query.land) }),
  );
};
