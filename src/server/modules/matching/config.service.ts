import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import {
  DEFAULT_WEIGHTS,
  type TMatchConfig,
  type TMatchConfigView,
  ZMatchConfig,
  ZMatchFactorKey,
} from '../../../contracts/matching';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import type { Executor } from '../../platform/db/database';
import { AppError, conflict, type FieldError, notFound } from '../../platform/errors';
import { translator } from '../../platform/i18n';
import { officeSubtreeIds } from '../offices/index';
import * as repo from './config.repository';
import { requireMatching } from './matching.access';

/**
 * The matching weights and curve parameters of each office (`GET`/`PUT /api/matching/config`). No stored row =
 * the defaults of ADR 0004 at version 1; every change is stored whole (defaults filled in) with version + 1
 * and audited. Roles: see matching.access.ts.
 */

/** Our issue codes are snake_case messages; zod's own messages are sentences. */
const OWN_CODE = /^[a-z_]+$/;

/** The default parameters (all fields filled in). */
export const DEFAULT_CONFIG: TMatchConfig = ZMatchConfig.parse({ weights: { ...DEFAULT_WEIGHTS } });

/** The parameters an office's matching uses now, with their version (1 = defaults, never changed). */
export async function officeConfig(
  db: Executor,
  officeId: string,
): Promise<{ config: TMatchConfig; version: number }> {
  const row = await repo.selectConfig(db, officeId);
  if (!row) return { config: DEFAULT_CONFIG, version: 1 };
  // A stored row was validated when written; parsing again fills in parameters added since.
  const parsed = ZMatchConfig.safeParse(row.config);
  return { config: parsed.success ? parsed.data : DEFAULT_CONFIG, version: row.version };
}

/**
 * The office a config request is about: the actor's own, or (coordinators) an office below theirs.
 * @throws `not_found` for any other office (its existence is not revealed)
 */
async function targetOffice(ctx: RequestContext, officeId: string | undefined): Promise<string> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('unauthenticated');
  if (!officeId || officeId === actor.officeId) return actor.officeId;
  if (actor.role === 'coordinator' && (await officeSubtreeIds(ctx.db, actor.officeId)).includes(officeId))
    return officeId;
  throw notFound();
}

async function view(ctx: RequestContext, officeId: string): Promise<TMatchConfigView> {
  const row = await repo.selectConfig(ctx.db, officeId);
  const current = await officeConfig(ctx.db, officeId);
  const t = translator(ctx.lang);
  return {
    officeId,
    config: current.config,
    version: current.version,
    // Also after "Standardwerte einsetzen" was saved: the values are what counts.
    isDefault: !row || isDeepStrictEqual(current.config, DEFAULT_CONFIG),
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    updatedByName: row?.updated_by_name ?? null,
    defaults: {
      config: DEFAULT_CONFIG,
      reasons: Object.fromEntries(
        ZMatchFactorKey.options.map((k) => [k, t(`matchingDefaults.reasons.${k}`)]),
      ) as TMatchConfigView['defaults']['reasons'],
    },
  };
}

/**
 * The weights and parameters of the actor's office (or, for a coordinator, of an office below), with the
 * defaults and the reason for each default weight (in the request's language).
 * @throws `unauthenticated`, `forbidden` (admin, volunteer, viewer), `not_found` (an office out of reach)
 */
export async function getMatchConfig(ctx: RequestContext, officeId?: string): Promise<TMatchConfigView> {
  requireMatching(ctx, 'config_read');
  return view(ctx, await targetOffice(ctx, officeId));
}

/** Field errors of invalid parameters: `body.weights.distance` with `weight_negative`, etc. */
export function configFieldErrors(input: unknown): FieldError[] {
  const r = ZMatchConfig.safeParse(input);
  if (r.success) return [];
  return r.error.issues.flatMap((i): FieldError[] => {
    const path = ['body', ...i.path.map(String)];
    if (i.code === 'unrecognized_keys')
      return i.keys.map((k) => ({ field: [...path, k].join('.'), code: 'unrecognized_keys' }));
    if (OWN_CODE.test(i.message)) return [{ field: path.join('.'), code: i.message }];
    const issue = { ...i, input: valueAt(input, i.path) } as z.core.$ZodRawIssue;
    return [{ field: path.join('.'), code: i.code, issue }];
  });
}

/** The value at `path` inside `input` (undefined where it does not exist): zod words the issue by it. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/**
 * Replaces the office's parameters (the whole `ZMatchConfig`, defaults filled in), optimistic on `version`.
 * Cached models are rebuilt on the next request (the config version is part of their key).
 * @throws `forbidden` (counsellors and others: only coordinators change weights), `not_found` (an office
 *   out of the actor's reach, checked before the write permission, so the same as GET),
 *   `match_config_invalid` (400: every bad field, e.g. `body.weights.distance` / `weight_negative`,
 *   `body.weights` / `weights_all_zero`), `conflict` (409: stale `version`)
 */
export async function updateMatchConfig(
  ctx: RequestContext,
  body: Record<string, unknown> & { version: number },
  officeId?: string,
): Promise<TMatchConfigView> {
  // The office first (as GET does): an office the actor may not see is 404 even for a role that may not
  // write (no 403 that would reveal it exists); then the write permission (403 for counsellors).
  requireMatching(ctx, 'config_read');
  const target = await targetOffice(ctx, officeId);
  const actor = requireMatching(ctx, 'config_write');
  const { version, ...input } = body;
  const errors = configFieldErrors(input);
  if (errors.length > 0) throw new AppError('match_config_invalid', errors);
  const config = ZMatchConfig.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.writeConfig(trx, {
      officeId: target,
      version,
      config,
      userId: actor.system ? null : actor.userId,
    });
    if (!ok) throw conflict();
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'match_config',
      entityId: target,
      officeId: target,
      details: { version: version + 1, weights: config.weights },
    });
  });
  return view(ctx, target);
}
