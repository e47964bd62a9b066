import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZClientConflict } from '../../../contracts/clients';
import { ZIdParams, ZProblem } from '../../../contracts/common';
import {
  ZAssignmentInput,
  ZAssignmentResult,
  ZClientSuggestions,
  ZClientSuggestionsQuery,
  ZExplainQuery,
  ZMatchConfigQuery,
  ZMatchConfigUpdate,
  ZMatchConfigView,
  ZPairExplanation,
  ZPlaceCandidates,
  ZPlaceCandidatesQuery,
} from '../../../contracts/matching';
import { planMeetings } from './assignment.service';
import { getMatchConfig, updateMatchConfig } from './config.service';
import { explainMatch, suggestClientsForPlace, suggestPlacesForClient } from './matching.service';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZClientConflict };
const tags = ['matching'];

/**
 * Suggestion, explanation, weights and assignment routes of matching (issue 6). Counsellors and coordinators
 * of the owning office (another office's client or place answers 404); weights: see matching.access.ts.
 * Every answer that names clients is an audited read.
 */
export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  /**
   * GET /api/clients/:id/suggestions?k=&kind=&occupationId=&maxKm=&minScore=&withoutFlags= — the `k` best
   * places for a client, each with its explained score; `empty` says why there are none, `notes` what is
   * unknown about the client. 409 for a merged record.
   */
  app.get(
    '/api/clients/:id/suggestions',
    {
      schema: {
        tags,
        summary: 'Explained training-place suggestions for a client',
        params: ZIdParams,
        querystring: ZClientSuggestionsQuery,
        response: { 200: ZClientSuggestions, ...problems },
      },
    },
    async (req) => suggestPlacesForClient(req.ctx, req.params.id, req.query),
  );

  /**
   * GET /api/places/:id/matching-candidates?k=&minGermanLevel=&maxKm=&minScore=&withoutFlags= — the `k` best
   * clients (with matching consent) for a place, explained.
   */
  app.get(
    '/api/places/:id/matching-candidates',
    {
      schema: {
        tags,
        summary: 'Explained client suggestions for a training place',
        params: ZIdParams,
        querystring: ZPlaceCandidatesQuery,
        response: { 200: ZPlaceCandidates, ...problems },
      },
    },
    async (req) => suggestClientsForPlace(req.ctx, req.params.id, req.query),
  );

  /** GET /api/matching/explain?clientId=&placeId= — one pair explained, also an excluded one (`excluded`). */
  app.get(
    '/api/matching/explain',
    {
      schema: {
        tags,
        summary: 'Explain one client × place pair',
        querystring: ZExplainQuery,
        response: { 200: ZPairExplanation, ...problems },
      },
    },
    async (req) => explainMatch(req.ctx, req.query),
  );

  /** GET /api/matching/config?officeId= — the office's weights and parameters, with the defaults and their reasons. */
  app.get(
    '/api/matching/config',
    {
      schema: {
        tags,
        summary: 'Matching weights of an office',
        querystring: ZMatchConfigQuery,
        response: { 200: ZMatchConfigView, ...problems },
      },
    },
    async (req) => getMatchConfig(req.ctx, req.query.officeId),
  );

  /**
   * PUT /api/matching/config?officeId= — replace the office's weights and parameters (`ZMatchConfig` fields
   * plus the `version` read): 400 `match_config_invalid` naming each bad field, 409 on a stale version.
   */
  app.put(
    '/api/matching/config',
    {
      schema: {
        tags,
        summary: 'Change the matching weights of an office',
        querystring: ZMatchConfigQuery,
        body: ZMatchConfigUpdate,
        response: { 200: ZMatchConfigView, ...problems },
      },
    },
    async (req) => updateMatchConfig(req.ctx, req.body, req.query.officeId),
  );

  /**
   * POST /api/matching/assignment — speed-dating plan: who meets which company in which slot (as many clients
   * with a meeting as possible, then the maximum total score; nobody double-booked), and why anyone has no
   * meeting (`no_fit` / `no_slot`). 404 names every unknown or other-office id.
   */
  app.post(
    '/api/matching/assignment',
    {
      schema: {
        tags,
        summary: 'Plan the meetings of a speed dating',
        body: ZAssignmentInput,
        response: { 200: ZAssignmentResult, ...problems },
      },
    },
    async (req) => planMeetings(req.ctx, req.body),
  );
};
