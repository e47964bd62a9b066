import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { scoped } from './links.repository';

/** A sent-log row with the sender's display name. */
export interface SentRow {
  id: string;
  client_id: string;
  kind: string;
  language: string;
  used_language: string;
  channel: 'print' | 'email';
  recipient: string | null;
  subject: string;
  sent_at: Date;
  sent_by_name: string | null;
  consent_id: string | null;
  message_id: string | null;
}

function sentQuery(db: Executor) {
  return db
    .selectFrom('letter_sent as l')
    .leftJoin('app_user as u', 'u.id', 'l.sent_by')
    .select([
      'l.id',
      'l.client_id',
      'l.kind',
      'l.language',
      'l.used_language',
      'l.channel',
      'l.recipient',
      'l.subject',
      'l.sent_at',
      'u.display_name as sent_by_name',
      'l.consent_id',
      'l.message_id',
    ]);
}

/** Appends a line to the sent-log. @returns the line */
export async function insertSent(
  db: Executor,
  row: {
    client_id: string;
    office_id: string;
    kind: string;
    language: string;
    used_language: string;
    channel: 'print' | 'email';
    recipient: string | null;
    subject: string;
    sent_by: string | null;
    consent_id: string | null;
    message_id: string | null;
  },
): Promise<SentRow> {
  const { id } = await db.insertInto('letter_sent').values(row).returning('id').executeTakeFirstOrThrow();
  return sentQuery(db).where('l.id', '=', id).executeTakeFirstOrThrow();
}

/** The sent-log of a client inside `scope`, newest first. */
export function selectSent(db: Executor, scope: OfficeScope, clientId: string): Promise<SentRow[]> {
  return sentQuery(db)
    .where(scoped(scope, 'l.office_id'))
    .where('l.client_id', '=', clientId)
    .orderBy('l.sent_at', 'desc')
    .orderBy('l.id', 'desc')
    .execute();
}

/** Moves the sent-log of a merged-away client to the kept one (merge handler). */
export async function moveSent(db: Executor, fromClientId: string, toClientId: string): Promise<void> {
  await db
    .updateTable('letter_sent')
    .set({ client_id: toClientId })
    .where('client_id', '=', fromClientId)
    .execute();
}
