import Papa from 'papaparse';
import type { TAssignmentMeeting, TAssignmentResult, TUnmatchedReason } from '../../../contracts/matching';
import { ApiError } from '../../lib/api';

/**
 * Pure logic of the speed-dating planner (`/matching/speed-dating`, issue 6): the form values, the body of
 * `POST /api/matching/assignment`, the schedule as a slot × company grid and per client, the CSV file, and
 * where the server's field errors belong.
 */

/** Whom the clients meet: companies (scored on their open places) or chosen places (their companies). */
export type TTargetMode = 'companies' | 'places';

/**
 * A chosen client, company or place. `label` is what the lists show; for a place `companyId` and
 * `companyName` say whose table column it is.
 */
export interface TPick {
  id: string;
  label: string;
  detail?: string | null;
  companyId?: string;
  companyName?: string;
}

/** The planner's settings as the inputs hold them. */
export interface TPlannerValues {
  /** Number of rounds (time slots), 1–48, as typed. */
  slotCount: string;
  /** Start of the first round `HH:MM` ('' = rounds are only numbered). */
  startTime: string;
  /** Minutes per round, 1–240, as typed (used with a start time). */
  minutes: string;
  /** At most this many meetings per client, 1–48 ('' = one in every round). */
  maxMeetings: string;
}

/** Start values: four rounds of 15 minutes from 10:00, no limit per person. */
export const PLANNER_DEFAULTS: TPlannerValues = {
  slotCount: '4',
  startTime: '10:00',
  minutes: '15',
  maxMeetings: '',
};

/** Largest number of rounds the server plans (`ZAssignmentInput.slots`). */
export const MAX_SLOTS = 48;

const whole = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Errors by field as keys of `matching.speedDating.errors`: `slotCount` (1–48), `startTime` (HH:MM),
 * `minutes` (1–240, only with a start time; `overDay` when all rounds last more than 24 hours, so two rounds
 * would get the same time), `maxMeetings` (1–48 or empty; 0 would leave everyone without a meeting).
 */
export function plannerErrors(values: TPlannerValues): Partial<Record<keyof TPlannerValues, string>> {
  const errors: Partial<Record<keyof TPlannerValues, string>> = {};
  const count = whole(values.slotCount);
  if (count === null || count < 1 || count > MAX_SLOTS) errors.slotCount = 'slotCount';
  const start = values.startTime.trim();
  if (start && !TIME.test(start)) errors.startTime = 'startTime';
  if (start) {
    const minutes = whole(values.minutes);
    if (minutes === null || minutes < 1 || minutes > 240) errors.minutes = 'minutes';
    // Past 24 hours the clock times of the rounds would repeat (and name two rounds the same).
    else if (count !== null && count * minutes > 24 * 60) errors.minutes = 'overDay';
  }
  if (values.maxMeetings.trim()) {
    const max = whole(values.maxMeetings);
    if (max === null || max < 1 || max > MAX_SLOTS) errors.maxMeetings = 'maxMeetings';
  }
  return errors;
}

/**
 * Labels of `count` rounds of `minutes` each from `start` (`HH:MM`): `10:00`, `10:15`, …; past midnight
 * the clock starts again at `00:00`, marked with the day as in timetables (`00:10 (+1)`).
 */
export function timeLabels(start: string, minutes: number, count: number): string[] {
  const match = TIME.exec(start.trim());
  if (!match) return [];
  const first = Number(match[1]) * 60 + Number(match[2]);
  return Array.from({ length: count }, (_, i) => {
    const total = first + i * minutes;
    const at = total % (24 * 60);
    const day = Math.floor(total / (24 * 60));
    const time = `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
    return day > 0 ? `${time} (+${day})` : time;
  });
}

/** The `slots` of the request: the times of the rounds when a start is set, else their number. */
export function plannerSlots(values: TPlannerValues): number | string[] {
  const count = whole(values.slotCount) ?? 1;
  const start = values.startTime.trim();
  return start ? timeLabels(start, whole(values.minutes) ?? 15, count) : count;
}

/** Body of `POST /api/matching/assignment`; ids in the order of the picks (the server names errors by index). */
export function plannerBody(
  values: TPlannerValues,
  clients: readonly TPick[],
  mode: TTargetMode,
  targets: readonly TPick[],
): {
  clientIds: string[];
  placeIds?: string[];
  companyIds?: string[];
  slots: number | string[];
  maxMeetingsPerClient?: number;
} {
  const ids = targets.map((t) => t.id);
  const max = whole(values.maxMeetings);
  return {
    clientIds: clients.map((c) => c.id),
    ...(mode === 'places' ? { placeIds: ids } : { companyIds: ids }),
    slots: plannerSlots(values),
    ...(values.maxMeetings.trim() && max !== null ? { maxMeetingsPerClient: max } : {}),
  };
}

/** A column of the schedule: a company. */
export interface TScheduleColumn {
  id: string;
  name: string;
}

/**
 * The companies the chosen targets stand for, in the order chosen: the companies themselves, or the
 * companies of the chosen places (each once).
 */
export function scheduleColumns(mode: TTargetMode, targets: readonly TPick[]): TScheduleColumn[] {
  const seen = new Map<string, TScheduleColumn>();
  for (const target of targets) {
    const id = mode === 'places' ? (target.companyId ?? target.id) : target.id;
    const name = mode === 'places' ? (target.companyName ?? target.label) : target.label;
    if (!seen.has(id)) seen.set(id, { id, name });
  }
  return [...seen.values()];
}

/** One round of the grid: its label and, per column, the meeting or null (the company is free). */
export interface TScheduleRow {
  slot: number;
  label: string;
  cells: Array<TAssignmentMeeting | null>;
}

/**
 * The schedule as a grid: one row per round, one column per company (`columns` first, then any company
 * of a meeting that is not among them). A cell holds the one meeting of that company in that round.
 */
export function scheduleGrid(
  result: TAssignmentResult,
  columns: readonly TScheduleColumn[],
): { columns: TScheduleColumn[]; rows: TScheduleRow[] } {
  const all = [...columns];
  for (const m of result.meetings) {
    if (!all.some((c) => c.id === m.companyId)) all.push({ id: m.companyId, name: m.companyName });
  }
  const rows = result.slots.map((label, slot) => ({
    slot,
    label,
    cells: all.map((c) => result.meetings.find((m) => m.slot === slot && m.companyId === c.id) ?? null),
  }));
  return { columns: all, rows };
}

/** A client's meetings in time order (empty when the client meets nobody). */
export interface TClientSchedule {
  clientId: string;
  name: string;
  meetings: TAssignmentMeeting[];
}

/** Every chosen client with their meetings, in the order chosen. */
export function clientSchedules(result: TAssignmentResult, clients: readonly TPick[]): TClientSchedule[] {
  return clients.map((client) => {
    const meetings = result.meetings.filter((m) => m.clientId === client.id).sort((a, b) => a.slot - b.slot);
    return { clientId: client.id, name: meetings[0]?.clientName || client.label, meetings };
  });
}

/** People without a meeting for one reason (`ZUnmatchedReason`), in the order chosen. */
export interface TUnmatchedGroup {
  reason: TUnmatchedReason;
  people: Array<{ clientId: string; name: string }>;
}

/**
 * The chosen clients without a meeting, grouped by the server's reason: first `no_slot` (more rounds or
 * companies would help), then `no_fit`; groups without people are left out.
 */
export function unmatchedGroups(result: TAssignmentResult, clients: readonly TPick[]): TUnmatchedGroup[] {
  const reasonOf = new Map(result.unmatched.map((u) => [u.clientId, u.reason]));
  return (['no_slot', 'no_fit'] as const).flatMap((reason) => {
    const people = clients
      .filter((c) => reasonOf.get(c.id) === reason)
      .map((c) => ({ clientId: c.id, name: c.label }));
    return people.length > 0 ? [{ reason, people }] : [];
  });
}

/**
 * Meetings that break the rules of a plan (nobody twice in one round, a company with one client per round,
 * each pair once): `slot:client:…`, `slot:company:…` or `pair:…` keys; empty for a sound plan.
 */
export function scheduleClashes(meetings: readonly TAssignmentMeeting[]): string[] {
  const seen = new Set<string>();
  const clashes: string[] = [];
  for (const m of meetings) {
    for (const key of [
      `slot:client:${m.slot}:${m.clientId}`,
      `slot:company:${m.slot}:${m.companyId}`,
      `pair:${m.clientId}:${m.companyId}`,
    ]) {
      if (seen.has(key)) clashes.push(key);
      seen.add(key);
    }
  }
  return clashes;
}

/** Score 0..1 as a whole percentage. */
export const percentOf = (score: number): number => Math.round(Math.max(0, Math.min(1, score)) * 100);

/**
 * The schedule as a CSV file for German spreadsheet programs: byte-order mark, `;` between fields, CRLF,
 * one line per meeting (round, company, person, fit in %) in the order of the rounds, then company; text
 * that starts like a formula (`= + - @`) is quoted with a leading `'` (papaparse `escapeFormulae`).
 */
export function scheduleCsv(
  result: TAssignmentResult,
  headers: { slot: string; company: string; client: string; score: string },
): string {
  const rows = [...result.meetings]
    .sort((a, b) => a.slot - b.slot || a.companyName.localeCompare(b.companyName, 'de'))
    .map((m) => [m.slotLabel, m.companyName, m.clientName, percentOf(m.score)]);
  const body = Papa.unparse(
    { fields: [headers.slot, headers.company, headers.client, headers.score], data: rows },
    { delimiter: ';', newline: '\r\n', escapeFormulae: true },
  );
  return `\uFEFF${body}\r\n`;
}

/** File name of the CSV download: `speed-dating-YYYY-MM-DD.csv`. */
export function scheduleFileName(day: string): string {
  return `speed-dating-${day}.csv`;
}

/** The server's field errors placed: by picked id, at the round settings, or left over. */
export interface TPlannerProblems {
  /** Code and message per picked client/company/place id (`not_found`, `record_merged`, …). */
  byId: Record<string, { code: string; message: string }>;
  /** Messages at the settings inputs. */
  fields: Partial<Record<keyof TPlannerValues, string>>;
  /** Messages that belong to no input. */
  other: string[];
}

/**
 * Puts the field errors of a failed `POST /api/matching/assignment` where they belong: `body.clientIds.2`
 * at the third chosen client, `body.placeIds.0` / `body.companyIds.0` at the first chosen target (the body
 * lists the picks in order), `body.slots…` at the number of rounds, `body.maxMeetingsPerClient` at the
 * limit; anything else is left over. Null when the error has no field errors.
 */
export function plannerProblems(
  error: unknown,
  clients: readonly TPick[],
  targets: readonly TPick[],
): TPlannerProblems | null {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return null;
  const out: TPlannerProblems = { byId: {}, fields: {}, other: [] };
  for (const fe of error.fieldErrors) {
    const path = fe.field.replace(/^body\./, '');
    const pick = /^(clientIds|placeIds|companyIds)\.(\d+)$/.exec(path);
    if (pick) {
      const list = pick[1] === 'clientIds' ? clients : targets;
      const id = list[Number(pick[2])]?.id;
      if (id) {
        out.byId[id] = { code: fe.code, message: fe.message };
        continue;
      }
    }
    if (path === 'slots' || path.startsWith('slots.')) out.fields.slotCount ??= fe.message;
    else if (path === 'maxMeetingsPerClient') out.fields.maxMeetings ??= fe.message;
    else out.other.push(fe.message);
  }
  return out;
}
