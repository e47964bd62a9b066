import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZProblem } from '../../../contracts/common';
import {
  ZCreatePlace,
  ZPlace,
  ZPlaceList,
  ZPlaceProblem,
  ZPlaceProfile,
  ZPlaceQuery,
  ZPublicPlaceList,
  ZPublicPlaceQuery,
  ZUpdatePlace,
  ZUpdatePlaceProfile,
} from '../../../contracts/places';
import * as service from './places.service';
import { getPlaceProfile, updatePlaceProfile } from './profile.service';
import { listPublicPlaces } from './public.service';

const problems = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZPlaceProblem,
  422: ZPlaceProblem,
};
const tags = ['places'];
const placeBody = z.object({ place: ZPlace });

/**
 * HTTP routes of training places under `/api/places` (counsellors and coordinators of the owning
 * office; another office's place answers 404) and the public place list `/api/public/places`.
 */
export const placeRoutes: FastifyPluginAsyncZod = async (app) => {
  /** GET /api/places — the office's places, filtered, sorted, paged (`distanceKm` with `near`). */
  app.get(
    '/api/places',
    {
      schema: {
        tags,
        summary: 'List training places',
        querystring: ZPlaceQuery,
        response: { 200: ZPlaceList, ...problems },
      },
    },
    async (req) => service.listPlaces(req.ctx, req.query),
  );

  /** POST /api/places — a new place of a company of the office; 422 `place_invalid` names each field. */
  app.post(
    '/api/places',
    {
      schema: {
        tags,
        summary: 'Create a training place',
        body: ZCreatePlace,
        response: { 201: placeBody, ...problems },
      },
    },
    async (req, reply) => reply.status(201).send({ place: await service.createPlace(req.ctx, req.body) }),
  );

  /** GET /api/places/:id — one place. */
  app.get(
    '/api/places/:id',
    {
      schema: {
        tags,
        summary: 'Get a training place',
        params: ZIdParams,
        response: { 200: placeBody, ...problems },
      },
    },
    async (req) => ({ place: await service.getPlace(req.ctx, req.params.id) }),
  );

  /** PATCH /api/places/:id — change a place (also status and publication); 409 on a stale `version`. */
  app.patch(
    '/api/places/:id',
    {
      schema: {
        tags,
        summary: 'Update a training place',
        params: ZIdParams,
        body: ZUpdatePlace,
        response: { 200: placeBody, ...problems },
      },
    },
    async (req) => ({ place: await service.updatePlace(req.ctx, req.params.id, req.body) }),
  );

  /** GET /api/places/:id/profile — the requirement profile (`version` 0 when never saved). */
  app.get(
    '/api/places/:id/profile',
    {
      schema: {
        tags,
        summary: 'Get the requirement profile of a place',
        params: ZIdParams,
        response: { 200: z.object({ profile: ZPlaceProfile }), ...problems },
      },
    },
    async (req) => ({ profile: await getPlaceProfile(req.ctx, req.params.id) }),
  );

  /** PUT /api/places/:id/profile — save the whole requirement profile; 409 on a stale `version`. */
  app.put(
    '/api/places/:id/profile',
    {
      schema: {
        tags,
        summary: 'Save the requirement profile of a place',
        params: ZIdParams,
        body: ZUpdatePlaceProfile,
        response: { 200: z.object({ profile: ZPlaceProfile }), ...problems },
      },
    },
    async (req) => ({ profile: await updatePlaceProfile(req.ctx, req.params.id, req.body) }),
  );

  /**
   * GET /api/public/places — the public place list (no sign-in): published, open, current places of
   * every office with public-safe fields only.
   */
  app.get(
    '/api/public/places',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Public list of open training places',
        security: [],
        querystring: ZPublicPlaceQuery,
        response: { 200: ZPublicPlaceList, ...problems },
      },
    },
    async (req) => listPublicPlaces(req.ctx, req.query),
  );
};
