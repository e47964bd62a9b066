import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestCompany, officeIdOf } from '../modules/places/places.fixture';
import { createTestApp, DEMO, type TestApp, type TestClient } from './test-app';

/**
 * Office isolation (issue 4 "Done when"): a record of service centre Düsseldorf is invisible to a
 * user of service centre Hagen on every route — 404, never 403, so its existence is not revealed —
 * and never turns up in lists, searches or duplicate checks.
 */

/** Records of the Düsseldorf office the probes point at (extend it when a module adds records). */
interface Foreign {
  clientId: string;
  clientVersion: number;
  guardianId: string;
  guardianVersion: number;
  consentId: string;
  /** A client of the Hagen office itself (the merge probe merges the foreign client into it). */
  ownClientId: string;
  ownClientVersion: number;
  /** A case of the Düsseldorf client with a session, a task, a referral and a contract on it. */
  caseId: string;
  caseVersion: number;
  sessionId: string;
  taskId: string;
  referralId: string;
  contractVersion: number;
  /** A Düsseldorf company (issue 5) with a contact person and a logged contact with a follow-up task. */
  companyId: string;
  companyVersion: number;
  companyPersonId: string;
  companyPersonVersion: number;
  companyTaskId: string;
  /** A company of the Hagen office itself (the merge probes). */
  ownCompanyId: string;
  ownCompanyVersion: number;
  /** A training place of a Düsseldorf company with the client as a proposed candidate (issue 5). */
  placeCompanyId: string;
  placeId: string;
  placeVersion: number;
  candidateId: string;
  candidateVersion: number;
  /** A place of the Hagen office itself (the probe adds the foreign client to it). */
  ownPlaceId: string;
  /** A Düsseldorf import job (issue 5) whose dry run passed. */
  importJobId: string;
  importJobVersion: number;
  /** A Düsseldorf placement (issue 6) of a further client with matching consent, on its own place. */
  placementId: string;
  placementVersion: number;
  placementPlaceId: string;
  /** A submitted self-service profile (issue 7) of the Düsseldorf client, with an uploaded photo. */
  profileLinkId: string;
  profileSubmissionId: string;
  profileUploadId: string;
}

/** One request by the Hagen counsellor against a Düsseldorf record; it must answer `status`. */
interface Probe {
  label: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (f: Foreign) => string;
  body?: (f: Foreign) => unknown;
  status?: number;
}

/** Requests that name a Düsseldorf record: each must be 404 for Hagen. Cases: add your routes here. */
const PROBES: Probe[] = [
  { label: 'read a client', method: 'GET', url: (f) => `/api/clients/${f.clientId}` },
  {
    label: 'update a client',
    method: 'PATCH',
    url: (f) => `/api/clients/${f.clientId}`,
    body: (f) => ({ version: f.clientVersion, notes: 'fremd' }),
  },
  {
    label: 'record a consent',
    method: 'POST',
    url: (f) => `/api/clients/${f.clientId}/consents`,
    body: () => ({ purpose: 'matching', givenOn: '2025-05-01', form: 'paper' }),
  },
  {
    label: 'withdraw a consent',
    method: 'POST',
    url: (f) => `/api/clients/${f.clientId}/consents/${f.consentId}/withdraw`,
    body: () => ({ withdrawnOn: '2025-06-01' }),
  },
  {
    label: 'add a guardian',
    method: 'POST',
    url: (f) => `/api/clients/${f.clientId}/guardians`,
    body: () => ({ name: 'Fremde Mutter', relation: 'mother' }),
  },
  {
    label: 'update a guardian',
    method: 'PATCH',
    url: (f) => `/api/clients/${f.clientId}/guardians/${f.guardianId}`,
    body: (f) => ({ version: f.guardianVersion, involvedInCounselling: true }),
  },
  {
    label: 'remove a guardian',
    method: 'DELETE',
    url: (f) => `/api/clients/${f.clientId}/guardians/${f.guardianId}`,
  },
  {
    label: 'merge the foreign client into it',
    method: 'POST',
    url: (f) => `/api/clients/${f.clientId}/merge`,
    body: (f) => ({ otherId: f.ownClientId, version: f.clientVersion }),
  },
  {
    label: 'merge it into an own client',
    method: 'POST',
    url: (f) => `/api/clients/${f.ownClientId}/merge`,
    body: (f) => ({ otherId: f.clientId, version: f.ownClientVersion }),
  },
  // Cases module: every route that names a case or one of its records.
  { label: 'read a case', method: 'GET', url: (f) => `/api/cases/${f.caseId}` },
  {
    label: 'reassign a case',
    method: 'PATCH',
    url: (f) => `/api/cases/${f.caseId}`,
    body: (f) => ({ version: f.caseVersion, counsellorId: null }),
  },
  {
    label: 'move a case stage',
    method: 'POST',
    url: (f) => `/api/cases/${f.caseId}/stage`,
    body: (f) => ({ version: f.caseVersion, stage: 'orientation', changedOn: '2025-06-01' }),
  },
  {
    label: 'open a case for the foreign client',
    method: 'POST',
    url: () => '/api/cases',
    body: (f) => ({ clientId: f.clientId }),
  },
  {
    label: 'record a session on a case',
    method: 'POST',
    url: (f) => `/api/cases/${f.caseId}/sessions`,
    body: () => ({ startsAt: '2025-06-01T10:00:00.000Z', channel: 'phone' }),
  },
  {
    label: 'update a session',
    method: 'PATCH',
    url: (f) => `/api/sessions/${f.sessionId}`,
    body: () => ({ version: 1, status: 'cancelled' }),
  },
  {
    label: 'add a task to a case',
    method: 'POST',
    url: (f) => `/api/cases/${f.caseId}/tasks`,
    body: () => ({ title: 'Fremde Aufgabe' }),
  },
  {
    label: 'update a task',
    method: 'PATCH',
    url: (f) => `/api/tasks/${f.taskId}`,
    body: () => ({ version: 1, done: true }),
  },
  {
    label: 'record a referral on a case',
    method: 'POST',
    url: (f) => `/api/cases/${f.caseId}/referrals`,
    body: () => ({ partnerKind: 'jobcenter', referredOn: '2025-06-01', reason: 'fremd' }),
  },
  {
    label: 'update a referral',
    method: 'PATCH',
    url: (f) => `/api/referrals/${f.referralId}`,
    body: () => ({ version: 1, feedback: 'fremd' }),
  },
  {
    label: 'record a contract on a case',
    method: 'POST',
    url: (f) => `/api/cases/${f.caseId}/contract`,
    body: () => ({
      companyName: 'Fremdbetrieb',
      occupationId: 'friseur',
      startsOn: '2027-08-01',
      chamber: 'HWK',
    }),
  },
  {
    label: 'terminate the contract of a case',
    method: 'POST',
    url: (f) => `/api/cases/${f.caseId}/contract/terminate`,
    body: (f) => ({ version: f.contractVersion, terminatedOn: '2025-06-01', reason: 'fremd' }),
  },
];

/** Companies module (issue 5): every route that names a company or one of its records. */
const COMPANY_PROBES: Probe[] = [
  { label: 'read a company', method: 'GET', url: (f) => `/api/companies/${f.companyId}` },
  {
    label: 'update a company',
    method: 'PATCH',
    url: (f) => `/api/companies/${f.companyId}`,
    body: (f) => ({ version: f.companyVersion, notes: 'fremd' }),
  },
  {
    label: 'delete a company',
    method: 'DELETE',
    url: (f) => `/api/companies/${f.companyId}?version=${f.companyVersion}`,
  },
  {
    label: 'move a company stage',
    method: 'POST',
    url: (f) => `/api/companies/${f.companyId}/stage`,
    body: (f) => ({ to: 'declined', on: '2025-06-01', reason: 'fremd', version: f.companyVersion }),
  },
  {
    label: 'merge the foreign company into it',
    method: 'POST',
    url: (f) => `/api/companies/${f.companyId}/merge`,
    body: (f) => ({ otherId: f.ownCompanyId, version: f.companyVersion }),
  },
  {
    label: 'merge it into an own company',
    method: 'POST',
    url: (f) => `/api/companies/${f.ownCompanyId}/merge`,
    body: (f) => ({ otherId: f.companyId, version: f.ownCompanyVersion }),
  },
  {
    label: 'add a contact person to a company',
    method: 'POST',
    url: (f) => `/api/companies/${f.companyId}/contact-persons`,
    body: () => ({ name: 'Fremde Person', role: 'owner' }),
  },
  {
    label: 'update a contact person',
    method: 'PATCH',
    url: (f) => `/api/companies/${f.companyId}/contact-persons/${f.companyPersonId}`,
    body: (f) => ({ version: f.companyPersonVersion, phone: '0000' }),
  },
  {
    label: 'remove a contact person',
    method: 'DELETE',
    url: (f) =>
      `/api/companies/${f.companyId}/contact-persons/${f.companyPersonId}?version=${f.companyPersonVersion}`,
  },
  { label: 'read the contact log', method: 'GET', url: (f) => `/api/companies/${f.companyId}/contacts` },
  {
    label: 'log a contact',
    method: 'POST',
    url: (f) => `/api/companies/${f.companyId}/contacts`,
    body: () => ({ contactedOn: '2025-06-01', channel: 'phone', result: 'fremd' }),
  },
  { label: 'read the advice checklist', method: 'GET', url: (f) => `/api/companies/${f.companyId}/advice` },
  {
    label: 'update an advice item',
    method: 'PUT',
    url: (f) => `/api/companies/${f.companyId}/advice/trainer_aptitude`,
    body: () => ({ state: 'done', version: 0 }),
  },
  {
    label: 'update a company follow-up task',
    method: 'PATCH',
    url: (f) => `/api/tasks/${f.companyTaskId}`,
    body: () => ({ version: 1, done: true }),
  },
];
PROBES.push(...COMPANY_PROBES);

/** Places module (issue 5): a Düsseldorf place, its profile and candidates, its company and the client. */
const PLACE_PROBES: Probe[] = [
  { label: 'read a place', method: 'GET', url: (f) => `/api/places/${f.placeId}` },
  {
    label: 'update a place',
    method: 'PATCH',
    url: (f) => `/api/places/${f.placeId}`,
    body: (f) => ({ version: f.placeVersion, published: true }),
  },
  {
    label: 'create a place for the foreign company',
    method: 'POST',
    url: () => '/api/places',
    body: (f) => ({ companyId: f.placeCompanyId, kind: 'internship' }),
  },
  {
    label: 'read the requirement profile of a place',
    method: 'GET',
    url: (f) => `/api/places/${f.placeId}/profile`,
  },
  {
    label: 'save the requirement profile of a place',
    method: 'PUT',
    url: (f) => `/api/places/${f.placeId}/profile`,
    body: () => ({ version: 0, tasks: 'fremd' }),
  },
  {
    label: 'list the candidates of a place',
    method: 'GET',
    url: (f) => `/api/places/${f.placeId}/candidates`,
  },
  {
    label: 'add the foreign client as candidate to an own place',
    method: 'POST',
    url: (f) => `/api/places/${f.ownPlaceId}/candidates`,
    body: (f) => ({ clientId: f.clientId, assessment: 'suitable' }),
  },
  {
    label: 'add a candidate to a foreign place',
    method: 'POST',
    url: (f) => `/api/places/${f.placeId}/candidates`,
    body: (f) => ({ clientId: f.ownClientId, assessment: 'suitable' }),
  },
  {
    label: 'update a candidate',
    method: 'PATCH',
    url: (f) => `/api/places/${f.placeId}/candidates/${f.candidateId}`,
    body: (f) => ({ version: f.candidateVersion, assessment: 'not_suitable' }),
  },
  {
    label: "record the company's answer on a candidate",
    method: 'PUT',
    url: (f) => `/api/places/${f.placeId}/candidates/${f.candidateId}/answer`,
    body: (f) => ({
      version: f.candidateVersion,
      answer: 'rejected',
      answerOn: '2026-11-30',
      reason: 'fremd',
    }),
  },
  {
    label: 'propose candidates of a foreign place',
    method: 'POST',
    url: (f) => `/api/places/${f.placeId}/proposals`,
    body: (f) => ({ sentOn: '2026-11-30', channel: 'email', candidateIds: [f.candidateId] }),
  },
  {
    label: 'remove a candidate',
    method: 'DELETE',
    url: (f) => `/api/places/${f.placeId}/candidates/${f.candidateId}`,
  },
];
PROBES.push(...PLACE_PROBES);

// Matching (issue 6): suggestions, candidates, explanations and the assignment naming Düsseldorf records.
PROBES.push(
  {
    label: 'matching suggestions of a client',
    method: 'GET',
    url: (f) => `/api/clients/${f.clientId}/suggestions`,
  },
  {
    label: 'matching candidates of a place',
    method: 'GET',
    url: (f) => `/api/places/${f.placeId}/matching-candidates`,
  },
  {
    label: 'explain a pair of the foreign client and place',
    method: 'GET',
    url: (f) => `/api/matching/explain?clientId=${f.clientId}&placeId=${f.placeId}`,
  },
  {
    label: 'explain the foreign client with an own place',
    method: 'GET',
    url: (f) => `/api/matching/explain?clientId=${f.clientId}&placeId=${f.ownPlaceId}`,
  },
  {
    label: 'plan speed-dating meetings with the foreign client and company',
    method: 'POST',
    url: () => '/api/matching/assignment',
    body: (f) => ({ clientIds: [f.clientId], companyIds: [f.placeCompanyId], slots: 2 }),
  },
);

// Placements (issue 6): every route that names a placement, or a client or place of another office.
PROBES.push(
  { label: 'read a placement', method: 'GET', url: (f) => `/api/placements/${f.placementId}` },
  {
    label: 'move a placement stage',
    method: 'POST',
    url: (f) => `/api/placements/${f.placementId}/stage`,
    body: (f) => ({ version: f.placementVersion, stage: 'interview', on: '2026-11-30' }),
  },
  {
    label: 'delete a placement',
    method: 'DELETE',
    url: (f) => `/api/placements/${f.placementId}?version=${f.placementVersion}`,
  },
  {
    label: 'place the foreign client on an own place',
    method: 'POST',
    url: () => '/api/placements',
    body: (f) => ({ clientId: f.clientId, placeId: f.ownPlaceId }),
  },
  {
    label: 'place an own client on a foreign place',
    method: 'POST',
    url: () => '/api/placements',
    body: (f) => ({ clientId: f.ownClientId, placeId: f.placementPlaceId }),
  },
);

/** A Düsseldorf placement of a further client (matching consent, no case) on a place of its own company. */
async function foreignPlacement(t: TestApp, dus: TestClient) {
  const companyId = await insertTestCompany(t.handle.db, {
    officeId: await officeIdOf(t.handle.db, 'Düsseldorf'),
    name: 'Fremdbetrieb Vermittlung',
    postcode: '40210',
  });
  const place = await dus.post('/api/places', { companyId, kind: 'internship' });
  expect(place.statusCode, place.body).toBe(201);
  const client = (
    await dus.post('/api/clients', {
      givenNames: 'Mariam',
      familyName: 'Vermittlung',
      dateOfBirth: '2005-04-12',
      counsellingConsent: { givenOn: '2025-04-01', form: 'paper' },
    })
  ).json().client;
  await dus.post(`/api/clients/${client.id}/consents`, {
    purpose: 'matching',
    givenOn: '2025-04-01',
    form: 'paper',
  });
  const created = await dus.post('/api/placements', { clientId: client.id, placeId: place.json().place.id });
  expect(created.statusCode, created.body).toBe(201);
  const { placement } = created.json();
  return {
    placementId: placement.id as string,
    placementVersion: placement.version as number,
    placementPlaceId: place.json().place.id as string,
  };
}

// Imports module (issue 5): every route that names an import job.
PROBES.push(
  { label: 'read an import job', method: 'GET', url: (f) => `/api/imports/${f.importJobId}` },
  {
    label: 'follow the progress events of an import job',
    method: 'GET',
    url: (f) => `/api/imports/${f.importJobId}/events`,
  },
  {
    label: 'dry-run an import job',
    method: 'POST',
    url: (f) => `/api/imports/${f.importJobId}/dry-run`,
    body: (f) => ({ version: f.importJobVersion }),
  },
  {
    label: 'commit an import job',
    method: 'POST',
    url: (f) => `/api/imports/${f.importJobId}/commit`,
    body: (f) => ({ version: f.importJobVersion }),
  },
);

/** A Düsseldorf import job of one company row whose dry run passed (ready to commit). */
async function foreignImport(dus: TestClient) {
  const up = await dus.request(
    'POST',
    '/api/imports?target=companies',
    Buffer.from('Firmenname;PLZ\nFremdimport GmbH;40210\n'),
  );
  expect(up.statusCode, up.body).toBe(201);
  const job = up.json().job;
  const checked = (await dus.post(`/api/imports/${job.id}/dry-run`, { version: job.version })).json().job;
  expect(checked.status).toBe('validated');
  return { importJobId: checked.id as string, importJobVersion: checked.version as number };
}

/**
 * A Düsseldorf company (inserted directly, so these probes do not depend on the companies routes)
 * with an open place and the client (who has a matching consent) as a candidate proposed to the
 * company; and an open place of the Hagen office.
 */
async function foreignPlace(t: TestApp, dus: TestClient, hagen: TestClient, clientId: string) {
  const placeCompanyId = await insertTestCompany(t.handle.db, {
    officeId: await officeIdOf(t.handle.db, 'Düsseldorf'),
    name: 'Fremdbetrieb Platz',
    postcode: '40210',
  });
  const place = {
    companyId: placeCompanyId,
    kind: 'apprenticeship',
    occupationId: 'friseur',
    startsOn: '2027-08-01',
  };
  const created = await dus.post('/api/places', place);
  expect(created.statusCode, created.body).toBe(201);
  const placeId = created.json().place.id as string;
  const candidate = await dus.post(`/api/places/${placeId}/candidates`, { clientId, assessment: 'suitable' });
  expect(candidate.statusCode, candidate.body).toBe(201);
  const candidateId = candidate.json().candidate.id as string;
  await dus.post(`/api/places/${placeId}/proposals`, {
    sentOn: '2026-11-30',
    channel: 'email',
    candidateIds: [candidateId],
  });
  const hagenCompany = await insertTestCompany(t.handle.db, {
    officeId: await officeIdOf(t.handle.db, 'Hagen'),
    name: 'Eigenbetrieb Platz',
    postcode: '58095',
  });
  const own = await hagen.post('/api/places', { ...place, companyId: hagenCompany });
  expect(own.statusCode, own.body).toBe(201);
  return {
    placeCompanyId,
    placeId,
    placeVersion: created.json().place.version as number,
    candidateId,
    candidateVersion: (await dus.get(`/api/places/${placeId}/candidates`)).json().items[0].version as number,
    ownPlaceId: own.json().place.id as string,
  };
}

/** A Düsseldorf company with a contact person and a contact whose next step is a task; a Hagen company. */
async function foreignCompany(dus: TestClient, hagen: TestClient) {
  const created = await dus.post('/api/companies', { name: 'Friseursalon Yılmaz', postcode: '40210' });
  expect(created.statusCode, created.body).toBe(201);
  const companyId = created.json().company.id as string;
  const person = (
    await dus.post(`/api/companies/${companyId}/contact-persons`, { name: 'Derya Yılmaz', role: 'owner' })
  ).json().contactPerson;
  const contact = (
    await dus.post(`/api/companies/${companyId}/contacts`, {
      contactedOn: '2025-06-01',
      channel: 'visit',
      result: 'Besuch',
      nextStep: 'Ausbildungsplan schicken',
      nextStepDueOn: '2025-06-02',
    })
  ).json().contact;
  const company = (await dus.get(`/api/companies/${companyId}`)).json().company;
  const own = (await hagen.post('/api/companies', { name: 'Friseursalon Yılmaz', postcode: '40210' })).json()
    .company;
  return {
    companyId,
    companyVersion: company.version as number,
    companyPersonId: person.id as string,
    companyPersonVersion: person.version as number,
    companyTaskId: contact.task.id as string,
    ownCompanyId: own.id as string,
    ownCompanyVersion: own.version as number,
  };
}

/** Opens a case for a Düsseldorf client with a session, a task, a referral and a contract on it. */
async function foreignCase(dus: TestClient, clientId: string) {
  const opened = await dus.post('/api/cases', { clientId });
  expect(opened.statusCode, opened.body).toBe(201);
  const caseId = opened.json().case.id as string;
  const session = await dus.post(`/api/cases/${caseId}/sessions`, {
    startsAt: new Date().toISOString(),
    status: 'planned',
    channel: 'phone',
    nextSteps: [{ title: 'Unterlagen mitbringen', dueOn: '2025-01-01' }],
  });
  const referral = await dus.post(`/api/cases/${caseId}/referrals`, {
    partnerKind: 'jobcenter',
    referredOn: '2025-06-01',
    reason: 'Förderung',
  });
  const contract = await dus.post(`/api/cases/${caseId}/contract`, {
    companyName: 'Bäckerei Yıldız',
    occupationId: 'friseur',
    startsOn: '2027-08-01',
    chamber: 'HWK',
  });
  const kase = (await dus.get(`/api/cases/${caseId}`)).json().case;
  return {
    caseId,
    caseVersion: kase.version as number,
    sessionId: session.json().session.id as string,
    taskId: session.json().tasks[0].id as string,
    referralId: referral.json().referral.id as string,
    contractVersion: contract.json().contract.version as number,
  };
}

/** A profile link of the Düsseldorf client, submitted with an uploaded photo (issue 7). */
async function foreignSelfService(dus: TestClient, clientId: string) {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  const created = await dus.post(`/api/clients/${clientId}/profile-links`, { language: 'ar' });
  expect(created.statusCode, created.body).toBe(201);
  const { token, link } = created.json();
  const upload = (await dus.request('POST', `/api/public/profile/${token}/uploads?kind=photo`, png)).json()
    .upload;
  await dus.post(`/api/public/profile/${token}/submit`, {
    answers: { spokenName: 'Yusuf', uploadIds: [upload.id] },
  });
  const submission = (await dus.get(`/api/clients/${clientId}/profile-submissions`)).json().items[0];
  return {
    profileLinkId: link.id as string,
    profileSubmissionId: submission.id as string,
    profileUploadId: upload.id as string,
  };
}

// Self-service (issue 7): profile links, submissions, the PDF and letters of a Düsseldorf client.
PROBES.push(
  {
    label: 'list the profile links of a client',
    method: 'GET',
    url: (f) => `/api/clients/${f.clientId}/profile-links`,
  },
  {
    label: 'create a profile link for a client',
    method: 'POST',
    url: (f) => `/api/clients/${f.clientId}/profile-links`,
    body: () => ({ language: 'de' }),
  },
  {
    label: 'revoke a profile link',
    method: 'POST',
    url: (f) => `/api/clients/${f.clientId}/profile-links/${f.profileLinkId}/revoke`,
  },
  {
    label: 'list the submitted profiles of a client',
    method: 'GET',
    url: (f) => `/api/clients/${f.clientId}/profile-submissions`,
  },
  {
    label: 'confirm a submitted profile into the record',
    method: 'POST',
    url: (f) => `/api/clients/${f.clientId}/profile-submissions/${f.profileSubmissionId}/confirm`,
    body: (f) => ({ fields: ['spokenName'], version: f.clientVersion }),
  },
  {
    label: 'download a file uploaded with a profile',
    method: 'GET',
    url: (f) =>
      `/api/clients/${f.clientId}/profile-submissions/${f.profileSubmissionId}/uploads/${f.profileUploadId}`,
  },
  {
    label: 'print the application profile PDF',
    method: 'GET',
    url: (f) => `/api/clients/${f.clientId}/application-profile.pdf`,
  },
  {
    label: 'preview a letter',
    method: 'GET',
    url: (f) =>
      `/api/clients/${f.clientId}/letters/invitation/preview?appointmentAt=2027-03-15T09:30:00.000Z`,
  },
  {
    label: 'print a letter',
    method: 'GET',
    url: (f) => `/api/clients/${f.clientId}/letters/reminder/pdf?appointmentAt=2027-03-15T09:30:00.000Z`,
  },
  {
    label: 'send a letter',
    method: 'POST',
    url: (f) => `/api/clients/${f.clientId}/letters/invitation/send`,
    body: () => ({ appointmentAt: '2027-03-15T09:30:00.000Z' }),
  },
  {
    label: 'read the sent-log of a client',
    method: 'GET',
    url: (f) => `/api/clients/${f.clientId}/letters/sent`,
  },
);

describe('office isolation: Düsseldorf records are invisible to Hagen', () => {
  let t: TestApp;
  let dus: TestClient;
  let hagen: TestClient;
  let foreign: Foreign;

  beforeAll(async () => {
    t = await createTestApp();
    dus = await t.client(DEMO.counsellor);
    hagen = await t.client(DEMO.counsellorHagen);
    const created = await dus.post('/api/clients', {
      givenNames: 'Yusuf',
      familyName: 'Abdullahi',
      dateOfBirth: '2005-04-12',
      phone: '0211 4455667',
      postcode: '40210',
      counsellingConsent: { givenOn: '2025-04-01', form: 'paper' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const clientId = created.json().client.id;
    const guardian = (
      await dus.post(`/api/clients/${clientId}/guardians`, { name: 'Amina Abdullahi', relation: 'mother' })
    ).json().guardian;
    const consent = (
      await dus.post(`/api/clients/${clientId}/consents`, {
        purpose: 'matching',
        givenOn: '2025-04-01',
        form: 'paper',
      })
    ).json().consent;
    const client = (await dus.get(`/api/clients/${clientId}`)).json().client;
    const own = (
      await hagen.post('/api/clients', {
        givenNames: 'Yusuf',
        familyName: 'Abdullahi',
        dateOfBirth: '2005-04-12',
      })
    ).json().client;
    foreign = {
      clientId,
      clientVersion: client.version,
      guardianId: guardian.id,
      guardianVersion: guardian.version,
      consentId: consent.id,
      ownClientId: own.id,
      ownClientVersion: own.version,
      ...(await foreignCase(dus, clientId)),
      ...(await foreignCompany(dus, hagen)),
      ...(await foreignPlace(t, dus, hagen, clientId)),
      ...(await foreignImport(dus)),
      ...(await foreignSelfService(dus, clientId)),
      ...(await foreignPlacement(t, dus)),
    };
  });
  afterAll(() => t.close());

  for (const p of PROBES) {
    it(`answers ${p.status ?? 404} to Hagen: ${p.method} ${p.label}`, async () => {
      const res = await hagen.request(p.method, p.url(foreign), p.body?.(foreign));
      expect(res.statusCode, res.body).toBe(p.status ?? 404);
      expect(res.json().code).toBe('not_found');
    });
  }

  it('keeps the record unchanged after all probes', async () => {
    const { client } = (await dus.get(`/api/clients/${foreign.clientId}`)).json();
    expect(client.version).toBe(foreign.clientVersion);
    expect(client.notes).toBeNull();
    expect(client.mergedIntoId).toBeNull();
    expect(client.guardians.map((g: { id: string }) => g.id)).toEqual([foreign.guardianId]);
    expect(client.consents.every((c: { withdrawnOn: string | null }) => c.withdrawnOn === null)).toBe(true);
  });

  it('keeps the import job uncommitted and out of the Hagen list', async () => {
    const job = (await dus.get(`/api/imports/${foreign.importJobId}`)).json().job;
    expect([job.status, job.version]).toEqual(['validated', foreign.importJobVersion]);
    const theirs = (await hagen.get('/api/imports?limit=100')).json().items as Array<{ id: string }>;
    expect(theirs.map((j) => j.id)).not.toContain(foreign.importJobId);
  });

  it('never lists or finds it for Hagen: list, search by name, phone and postcode', async () => {
    for (const q of ['', '?q=Abdullahi', '?q=0211%204455667', '?q=40210']) {
      const items = (await hagen.get(`/api/clients${q}`)).json().items as Array<{ id: string }>;
      expect(items.map((i) => i.id)).not.toContain(foreign.clientId);
    }
    // The Düsseldorf counsellor does find it by name.
    const own = (await dus.get('/api/clients?q=Abdullahi')).json().items as Array<{ id: string }>;
    expect(own.map((i) => i.id)).toContain(foreign.clientId);
  });

  it('never offers it as a duplicate to Hagen', async () => {
    const check = await hagen.post('/api/clients/duplicates/check', {
      givenNames: 'Yusuf',
      familyName: 'Abdullahi',
      dateOfBirth: '2005-04-12',
    });
    expect(check.statusCode).toBe(200);
    const ids = check.json().items.map((h: { client: { id: string } }) => h.client.id);
    expect(ids).not.toContain(foreign.clientId);
    const pairs = (await hagen.get('/api/clients/duplicates')).json().items as Array<{
      a: { id: string };
      b: { id: string };
    }>;
    expect(pairs.flatMap((p) => [p.a.id, p.b.id])).not.toContain(foreign.clientId);
  });

  it('keeps the place and its candidate unchanged and never lists the place for Hagen', async () => {
    const { place } = (await dus.get(`/api/places/${foreign.placeId}`)).json();
    expect(place).toMatchObject({ version: foreign.placeVersion, published: false });
    const { items } = (await dus.get(`/api/places/${foreign.placeId}/candidates`)).json();
    expect(items).toEqual([
      expect.objectContaining({ id: foreign.candidateId, version: foreign.candidateVersion, answer: null }),
    ]);
    expect((await dus.get(`/api/places/${foreign.placeId}/profile`)).json().profile.version).toBe(0);
    const list = (await hagen.get('/api/places?limit=200')).json().items as Array<{ id: string }>;
    expect(list.map((p) => p.id)).not.toContain(foreign.placeId);
    expect((await hagen.get(`/api/places/${foreign.ownPlaceId}/candidates`)).json().items).toEqual([]);
  });

  it('keeps the case unchanged and never lists it, its tasks or its appointments for Hagen', async () => {
    const { case: kase } = (await dus.get(`/api/cases/${foreign.caseId}`)).json();
    expect(kase.version).toBe(foreign.caseVersion);
    expect(kase.stage).toBe('first_contact');
    expect(kase.tasks.map((x: { id: string }) => x.id)).toEqual([foreign.taskId]);
    expect(kase.contract.terminatedOn).toBeNull();
    const cases = (await hagen.get('/api/cases')).json().items as Array<{ id: string }>;
    expect(cases.map((c) => c.id)).not.toContain(foreign.caseId);
    const tasks = (await hagen.get('/api/tasks?overdue=true')).json().items as Array<{ id: string }>;
    expect(tasks.map((x) => x.id)).not.toContain(foreign.taskId);
    const agenda = (await hagen.get('/api/agenda')).json();
    expect(agenda.appointments.map((a: { id: string }) => a.id)).not.toContain(foreign.sessionId);
    expect(agenda.tasks.map((a: { id: string }) => a.id)).not.toContain(foreign.taskId);
  });

  it('keeps the placement unchanged and never lists it for Hagen', async () => {
    const { placement } = (await dus.get(`/api/placements/${foreign.placementId}`)).json();
    expect([placement.stage, placement.version]).toEqual(['proposed', foreign.placementVersion]);
    for (const q of ['', `?placeId=${foreign.placementPlaceId}`, `?clientId=${placement.client.id}`]) {
      const items = (await hagen.get(`/api/placements${q}`)).json().items as Array<{ id: string }>;
      expect(items.map((i) => i.id)).not.toContain(foreign.placementId);
    }
  });

  it('keeps the company unchanged and never lists, finds or offers it as a duplicate to Hagen', async () => {
    const { company } = (await dus.get(`/api/companies/${foreign.companyId}`)).json();
    expect(company).toMatchObject({ version: foreign.companyVersion, notes: null, mergedIntoId: null });
    expect(company.contactPersons.map((p: { id: string; version: number }) => [p.id, p.version])).toEqual([
      [foreign.companyPersonId, foreign.companyPersonVersion],
    ]);
    expect(company.contacts).toHaveLength(1);
    expect(company.advice.every((a: { version: number }) => a.version === 0)).toBe(true);
    for (const q of ['', '?q=Yilmaz', '?q=Derya', '?q=40210']) {
      const items = (await hagen.get(`/api/companies${q}`)).json().items as Array<{ id: string }>;
      expect(items.map((i) => i.id)).not.toContain(foreign.companyId);
    }
    const board = (await hagen.get('/api/companies/board')).json().columns as Array<{
      items: Array<{ id: string }>;
    }>;
    expect(board.flatMap((c) => c.items.map((i) => i.id))).not.toContain(foreign.companyId);
    const dups = (
      await hagen.get('/api/companies/duplicates?name=Friseursalon%20Yilmaz&postcode=40210')
    ).json();
    expect(dups.items.map((d: { id: string }) => d.id)).toEqual([foreign.ownCompanyId]);
    const tasks = (await hagen.get('/api/tasks')).json().items as Array<{ id: string }>;
    expect(tasks.map((x) => x.id)).not.toContain(foreign.companyTaskId);
    // The Düsseldorf counsellor finds it by a contact person's name.
    const own = (await dus.get('/api/companies?q=Derya')).json().items as Array<{ id: string }>;
    expect(own.map((i) => i.id)).toContain(foreign.companyId);
  });
});
