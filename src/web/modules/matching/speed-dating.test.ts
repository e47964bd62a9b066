import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { TAssignmentMeeting, TAssignmentResult } from '../../../contracts/matching';
import { ApiError } from '../../lib/api';
import {
  clientSchedules,
  PLANNER_DEFAULTS,
  plannerBody,
  plannerErrors,
  plannerProblems,
  plannerSlots,
  scheduleClashes,
  scheduleColumns,
  scheduleCsv,
  scheduleGrid,
  timeLabels,
  unmatchedGroups,
} from './speed-dating';

const C1 = '00000000-0000-4000-8000-000000000001';
const C2 = '00000000-0000-4000-8000-000000000002';
const C3 = '00000000-0000-4000-8000-000000000003';
const K1 = '00000000-0000-4000-8000-0000000000a1';
const K2 = '00000000-0000-4000-8000-0000000000a2';
const K3 = '00000000-0000-4000-8000-0000000000a3';
const P1 = '00000000-0000-4000-8000-0000000000b1';
const P2 = '00000000-0000-4000-8000-0000000000b2';

const meeting = (slot: number, clientId: string, companyId: string, score: number): TAssignmentMeeting => ({
  slot,
  slotLabel: ['10:00', '10:15'][slot] ?? String(slot + 1),
  clientId,
  clientName: { [C1]: 'Yasmin Rahimi', [C2]: 'Omid Sadeghi', [C3]: 'Lina Haddad' }[clientId] ?? '',
  companyId,
  companyName: companyId === K1 ? 'Friseursalon Aydın' : '=Werkstatt; "Haddad"',
  placeId: P1,
  score,
});

const RESULT: TAssignmentResult = {
  slots: ['10:00', '10:15'],
  meetings: [meeting(0, C1, K1, 0.82), meeting(0, C2, K2, 0.6), meeting(1, C2, K1, 0.5)],
  total: 1.92,
  unmatchedClientIds: [C3],
  unmatched: [{ clientId: C3, reason: 'no_fit' }],
  configVersion: 1,
};

describe('planner settings', () => {
  it('accepts the defaults and names each bad field', () => {
    expect(plannerErrors(PLANNER_DEFAULTS)).toEqual({});
    expect(plannerErrors({ slotCount: '0', startTime: '25:00', minutes: '0', maxMeetings: 'zwei' })).toEqual({
      slotCount: 'slotCount',
      startTime: 'startTime',
      minutes: 'minutes',
      maxMeetings: 'maxMeetings',
    });
    expect(plannerErrors({ ...PLANNER_DEFAULTS, slotCount: '49' })).toEqual({ slotCount: 'slotCount' });
    // Without a start time the minutes do not matter.
    expect(plannerErrors({ ...PLANNER_DEFAULTS, startTime: '', minutes: '' })).toEqual({});
    // 0 meetings per person would leave everyone out: refused, as the server does.
    expect(plannerErrors({ ...PLANNER_DEFAULTS, maxMeetings: '0' })).toEqual({ maxMeetings: 'maxMeetings' });
    expect(plannerErrors({ ...PLANNER_DEFAULTS, maxMeetings: '1' })).toEqual({});
    // 26 rounds of an hour would repeat 09:00: refused at the minutes; 24 of an hour are a full day.
    expect(
      plannerErrors({ ...PLANNER_DEFAULTS, slotCount: '26', startTime: '09:00', minutes: '60' }),
    ).toEqual({
      minutes: 'overDay',
    });
    expect(
      plannerErrors({ ...PLANNER_DEFAULTS, slotCount: '24', startTime: '09:00', minutes: '60' }),
    ).toEqual({});
  });

  it('makes the times of the rounds, past midnight from 00:00 again and marked with the day', () => {
    expect(timeLabels('10:00', 15, 4)).toEqual(['10:00', '10:15', '10:30', '10:45']);
    expect(timeLabels('23:50', 20, 2)).toEqual(['23:50', '00:10 (+1)']);
    expect(timeLabels('23:00', 240, 6)).toEqual([
      '23:00',
      '03:00 (+1)',
      '07:00 (+1)',
      '11:00 (+1)',
      '15:00 (+1)',
      '19:00 (+1)',
    ]);
    expect(timeLabels('1000', 15, 2)).toEqual([]);
  });

  it('sends labels with a start time, else the number of rounds', () => {
    expect(plannerSlots({ ...PLANNER_DEFAULTS, slotCount: '2' })).toEqual(['10:00', '10:15']);
    expect(plannerSlots({ ...PLANNER_DEFAULTS, slotCount: '3', startTime: '' })).toBe(3);
  });

  it('builds the body with companies or places, in the order picked, the limit only when set', () => {
    const clients = [
      { id: C1, label: 'A' },
      { id: C2, label: 'B' },
    ];
    expect(plannerBody(PLANNER_DEFAULTS, clients, 'companies', [{ id: K1, label: 'K' }])).toEqual({
      clientIds: [C1, C2],
      companyIds: [K1],
      slots: ['10:00', '10:15', '10:30', '10:45'],
    });
    expect(
      plannerBody({ ...PLANNER_DEFAULTS, startTime: '', maxMeetings: '2' }, clients, 'places', [
        { id: P1, label: 'P' },
      ]),
    ).toEqual({ clientIds: [C1, C2], placeIds: [P1], slots: 4, maxMeetingsPerClient: 2 });
  });
});

describe('schedule', () => {
  it('has one column per company; places of one company share it', () => {
    expect(
      scheduleColumns('places', [
        { id: P1, label: 'Ausbildung', companyId: K1, companyName: 'Salon' },
        { id: P2, label: 'EQ', companyId: K1, companyName: 'Salon' },
      ]),
    ).toEqual([{ id: K1, name: 'Salon' }]);
    expect(scheduleColumns('companies', [{ id: K2, label: 'Werkstatt' }])).toEqual([
      { id: K2, name: 'Werkstatt' },
    ]);
  });

  it('lays the meetings out as rounds × companies, free cells null, unknown companies appended', () => {
    const grid = scheduleGrid(RESULT, [{ id: K1, name: 'Friseursalon Aydın' }]);
    expect(grid.columns.map((c) => c.id)).toEqual([K1, K2]);
    expect(grid.rows.map((r) => r.label)).toEqual(['10:00', '10:15']);
    expect(grid.rows[0]?.cells.map((c) => c?.clientId ?? null)).toEqual([C1, C2]);
    expect(grid.rows[1]?.cells.map((c) => c?.clientId ?? null)).toEqual([C2, null]);
  });

  it('lists each picked client with their meetings in time order, also without any', () => {
    const list = clientSchedules(RESULT, [
      { id: C2, label: 'B' },
      { id: C3, label: 'Lina H.' },
    ]);
    expect(list.map((c) => [c.name, c.meetings.map((m) => m.slot)])).toEqual([
      ['Omid Sadeghi', [0, 1]],
      ['Lina H.', []],
    ]);
  });

  it('groups the people without a meeting by reason, no slot first, each in the order picked', () => {
    const result: TAssignmentResult = {
      ...RESULT,
      meetings: [meeting(0, C2, K1, 0.7)],
      unmatchedClientIds: [C1, C3],
      unmatched: [
        { clientId: C1, reason: 'no_fit' },
        { clientId: C3, reason: 'no_slot' },
      ],
    };
    const picks = [
      { id: C3, label: 'Lina H.' },
      { id: C2, label: 'Omid S.' },
      { id: C1, label: 'Yasmin R.' },
    ];
    expect(unmatchedGroups(result, picks)).toEqual([
      { reason: 'no_slot', people: [{ clientId: C3, name: 'Lina H.' }] },
      { reason: 'no_fit', people: [{ clientId: C1, name: 'Yasmin R.' }] },
    ]);
    expect(unmatchedGroups({ ...result, unmatchedClientIds: [], unmatched: [] }, picks)).toEqual([]);
  });

  it('finds double bookings: a client twice in a round, a company twice in a round, a pair twice', () => {
    expect(scheduleClashes(RESULT.meetings)).toEqual([]);
    expect(scheduleClashes([...RESULT.meetings, meeting(0, C1, K3, 0.1)])).toEqual([`slot:client:0:${C1}`]);
    expect(scheduleClashes([...RESULT.meetings, meeting(1, C3, K1, 0.1)])).toEqual([`slot:company:1:${K1}`]);
    expect(scheduleClashes([...RESULT.meetings, meeting(1, C1, K1, 0.1)])).toEqual([
      `slot:company:1:${K1}`,
      `pair:${C1}:${K1}`,
    ]);
  });
});

describe('scheduleCsv', () => {
  const csv = scheduleCsv(RESULT, {
    slot: 'Zeit',
    company: 'Betrieb',
    client: 'Person',
    score: 'Passung (%)',
  });

  it('is a German spreadsheet file: BOM, semicolons, CRLF, one line per meeting by round', () => {
    expect(csv.startsWith('\uFEFFZeit;Betrieb;Person;Passung (%)\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' });
    expect(parsed.data.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['10:00', 'Omid Sadeghi', '60'],
      ['10:00', 'Yasmin Rahimi', '82'],
      ['10:15', 'Omid Sadeghi', '50'],
    ]);
  });

  it('quotes separators and quotes and defuses formulas', () => {
    expect(csv).toContain('"\'=Werkstatt; ""Haddad"""');
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' });
    expect(parsed.data[1]?.[1]).toBe('\'=Werkstatt; "Haddad"');
  });
});

describe('plannerProblems', () => {
  const problem = (status: number, errors: Array<{ field: string; code: string; message: string }>) =>
    new ApiError(status, status === 404 ? 'not_found' : 'validation', {
      type: 'about:blank',
      title: 'x',
      status,
      code: status === 404 ? 'not_found' : 'validation',
      errors,
    });

  it('puts 404s at the picked client or target by index, setting errors at their inputs', () => {
    const out = plannerProblems(
      problem(404, [
        { field: 'body.clientIds.1', code: 'not_found', message: 'Nicht gefunden.' },
        { field: 'body.companyIds.0', code: 'not_found', message: 'Nicht gefunden.' },
        { field: 'body.slots.2', code: 'too_big', message: 'Zu lang.' },
        { field: 'body.maxMeetingsPerClient', code: 'too_big', message: 'Zu groß.' },
        { field: 'body.placeIds', code: 'places_or_companies', message: 'Betriebe oder Plätze.' },
      ]),
      [
        { id: C1, label: 'A' },
        { id: C2, label: 'B' },
      ],
      [{ id: K1, label: 'K' }],
    );
    expect(out).toEqual({
      byId: {
        [C2]: { code: 'not_found', message: 'Nicht gefunden.' },
        [K1]: { code: 'not_found', message: 'Nicht gefunden.' },
      },
      fields: { slotCount: 'Zu lang.', maxMeetings: 'Zu groß.' },
      other: ['Betriebe oder Plätze.'],
    });
  });

  it('is null for errors without fields', () => {
    expect(plannerProblems(new Error('x'), [], [])).toBeNull();
    expect(plannerProblems(problem(404, []), [], [])).toBeNull();
  });
});
