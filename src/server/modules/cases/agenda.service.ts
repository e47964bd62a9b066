import type { z } from 'zod';
import type { ZAgenda, ZAgendaQuery } from '../../../contracts/cases';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { translator } from '../../platform/i18n';
import { caseScope, today } from './case-access';
import * as repo from './cases.repository';
import { toCard } from './cases.service';
import { selectCurrentContracts } from './contracts.repository';
import { addDays } from './dates';
import { describeReminder, residenceReminders } from './reminders';
import { selectAppointments } from './sessions.repository';
import { toSession } from './sessions.service';
import { selectTasks } from './tasks.repository';
import { ensureConsentAt18Tasks, toTask } from './tasks.service';

/** The home page (`ZAgenda`). */
export type TAgenda = z.infer<typeof ZAgenda>;

/**
 * The counsellor's home page, all for the actor inside their office: today's appointments (own
 * planned sessions today, German time), own open tasks (overdue flagged, oldest due first), own
 * open cases without contact for `noContactDays` days, the residence reminders of own open cases
 * (`RESIDENCE_REMINDER_DAYS`), and application profiles to confirm — always empty for now: issue 7
 * adds the application profiles. Generates due `consent_at_18` tasks first. Not audited: it lists
 * names and dates only, each detail read is audited when opened.
 * @throws `forbidden`
 */
export async function getAgenda(ctx: RequestContext, q: z.infer<typeof ZAgendaQuery>): Promise<TAgenda> {
  const actor = requireAccess(ctx, 'read', 'case');
  const scope = caseScope(actor);
  await ensureConsentAt18Tasks(ctx, scope);
  const day = today(ctx);
  const [appointments, tasks, noContact, facts] = await Promise.all([
    selectAppointments(ctx.db, scope, actor.userId, day),
    selectTasks(ctx.db, scope, { ownerId: actor.userId, done: false }, day),
    repo.selectCaseCards(
      ctx.db,
      scope,
      { counsellorId: actor.userId, contactBefore: addDays(day, -q.noContactDays), limit: 200, offset: 0 },
      day,
    ),
    repo.selectResidenceFactsOfOpenCases(ctx.db, scope, actor.userId),
  ]);
  const contracts = await selectCurrentContracts(
    ctx.db,
    scope,
    facts.map((f) => f.id),
  );
  const t = translator(ctx.lang);
  const reminders = facts.flatMap((f) => {
    const contract = contracts.get(f.id);
    return residenceReminders({
      facts: {
        residenceStatus: f.residence_status,
        residenceExpiresOn: f.residence_expires_on,
        workPermit: f.work_permit,
        workPermitExpiresOn: f.work_permit_expires_on,
      },
      contract: contract ? { startsOn: contract.starts_on, terminatedOn: contract.terminated_on } : null,
      today: day,
      reminderDays: ctx.config.residenceReminderDays,
    }).map((r) => ({ ...describeReminder(r, t, ctx.lang), caseId: f.id, clientName: f.client_name }));
  });
  return {
    today: day,
    appointments: appointments.map((a) => ({ ...toSession(a), clientName: a.client_name })),
    tasks: tasks.rows.map(toTask),
    noContact: noContact.rows.map(toCard),
    reminders: reminders.sort((a, b) => a.date.localeCompare(b.date)),
    // Issue 7 (application profiles) adds the profiles clients submit for confirmation.
    profilesToConfirm: [],
  };
}
