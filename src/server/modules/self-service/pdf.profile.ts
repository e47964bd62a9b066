import type { TClient } from '../../../contracts/clients';
import type { TProfileAnswers } from '../../../contracts/self-service';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors';
import { getClient, hasActiveConsent } from '../clients/index';
import { getOccupation } from '../reference/index';
import { selectOfficeContact } from './contact.repository';
import { languageName } from './language';
import { selfServiceScope } from './links.service';
import { finish, newDocument } from './pdf.fonts';
import { selectLatestConfirmed } from './profile.repository';
import { parseAnswers } from './self-service.view';

const SCHOOL: Record<string, string> = {
  none: 'ohne Schulabschluss',
  esa: 'Erster Schulabschluss (ESA)',
  msa: 'Mittlerer Schulabschluss (MSA)',
  fachhochschulreife: 'Fachhochschulreife',
  abitur: 'Abitur (allgemeine Hochschulreife)',
};
const RECOGNITION: Record<string, string> = {
  not_applied: 'Anerkennung nicht beantragt',
  applied: 'Anerkennung beantragt',
  recognised: 'anerkannt',
  partially_recognised: 'teilweise anerkannt',
  refused: 'nicht anerkannt',
};
const LEVEL_SOURCE: Record<string, string> = {
  certificate: 'Zertifikat',
  self_assessment: 'Selbsteinschätzung',
  counsellor_estimate: 'Einschätzung der Beratung',
};
/** Longest text of one free-text field on the page (the page must stay one page). */
const MAX_TEXT = 600;

const deDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
};
const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1).trimEnd()}…` : text);
const country = (code: string) => {
  try {
    return new Intl.DisplayNames(['de'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** The German level line: "B1 (Selbsteinschätzung, 30.11.2026)", or "keine Angabe". */
export function germanLevelLine(
  c: Pick<TClient, 'germanLevel' | 'germanLevelSource' | 'germanLevelDate'>,
): string {
  if (!c.germanLevel) return 'keine Angabe';
  const parts = [
    c.germanLevelSource ? LEVEL_SOURCE[c.germanLevelSource] : null,
    c.germanLevelDate ? deDate(c.germanLevelDate) : null,
  ]
    .filter(Boolean)
    .join(', ');
  return parts ? `${c.germanLevel} (${parts})` : c.germanLevel;
}

function availabilityLine(a: TProfileAnswers | null): string | null {
  if (!a?.availability) return null;
  switch (a.availability) {
    case 'now':
      return 'sofort';
    case 'from_date':
      return a.availableFrom ? `ab ${deDate(a.availableFrom)}` : 'ab einem bestimmten Datum';
    case 'after_school':
      return a.availableFrom
        ? `nach Schul- bzw. Kursende (${deDate(a.availableFrom)})`
        : 'nach Schul- bzw. Kursende';
    default:
      return 'noch offen';
  }
}

/**
 * The one-page application profile in German for companies (A4, DejaVu Sans embedded): name, German
 * level with its source, languages, school, wished occupations, work experience, interests and
 * strengths, mobility, availability (from the latest confirmed self-service profile) and the office
 * as contact. Never residence or other sensitive fields; the client's own phone and e-mail only with
 * `includeContact`. Handing it to a company passes personal data on, so it needs the client's
 * active `matching` consent (as proposing the client to a company does). Audited as an export.
 * @throws `forbidden`, `not_found`, `matching_consent_required` (422)
 */
export async function renderApplicationProfile(
  ctx: RequestContext,
  clientId: string,
  opts: { includeContact: boolean },
): Promise<{ fileName: string; bytes: Buffer }> {
  const actor = requireAccess(ctx, 'read', 'client');
  const client = await getClient(ctx, clientId);
  if (!(await hasActiveConsent(ctx.db, clientId, 'matching'))) {
    throw new AppError('matching_consent_required', [
      { field: 'params.id', code: 'matching_consent_required' },
    ]);
  }
  const latest = await selectLatestConfirmed(ctx.db, selfServiceScope(actor), clientId);
  const answers = latest ? parseAnswers(latest.answers) : null;
  const occupations: string[] = [];
  for (const id of client.wishedOccupationIds) {
    try {
      occupations.push((await getOccupation(ctx.db, id)).name);
    } catch {
      occupations.push(id);
    }
  }
  const office = await selectOfficeContact(ctx.db, client.officeId);

  const fullName = `${client.givenNames} ${client.familyName}`;
  const doc = newDocument({ title: `Bewerbungsprofil ${fullName}`, lang: 'de-DE' });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const labelWidth = 150;
  doc.font('bold').fontSize(20).text('Bewerbungsprofil');
  doc.font('regular').fontSize(9).fillColor('#555555');
  doc.text(
    `${office.officeName} · erstellt am ${deDate(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date()))}`,
  );
  doc.fillColor('#000000').moveDown(0.8);
  doc.font('bold').fontSize(16).text(fullName);
  if (client.spokenName && client.spokenName !== client.givenNames) {
    doc.font('regular').fontSize(10).text(`Rufname: ${client.spokenName}`);
  }
  doc.moveDown(0.6);

  const row = (label: string, value: string | null | undefined) => {
    if (!value) return;
    const y = doc.y;
    doc
      .font('bold')
      .fontSize(10)
      .text(label, doc.page.margins.left, y, { width: labelWidth - 10 });
    const afterLabel = doc.y;
    doc
      .font('regular')
      .fontSize(10)
      .text(value, doc.page.margins.left + labelWidth, y, { width: width - labelWidth });
    doc.y = Math.max(doc.y, afterLabel) + 6;
  };

  row('Deutschkenntnisse', germanLevelLine(client));
  const others = client.languages.filter((l) => l.code !== 'de').map((l) => languageName(l.code, 'de'));
  row('Weitere Sprachen', others.length > 0 ? others.join(', ') : null);
  const school = [
    client.schoolQualification ? SCHOOL[client.schoolQualification] : null,
    client.schoolCountry ? `in ${country(client.schoolCountry)}` : null,
    answers?.schoolYears != null ? `${answers.schoolYears} Schuljahre` : null,
    // No qualification: nothing to recognise (a stale state on record is not shown).
    client.schoolForeign && client.schoolRecognition && client.schoolQualification !== 'none'
      ? RECOGNITION[client.schoolRecognition]
      : null,
  ].filter(Boolean);
  row('Schule', school.length > 0 ? school.join(' · ') : null);
  row('Berufswünsche', occupations.length > 0 ? occupations.join('; ') : 'noch offen');
  row('Berufserfahrung', client.workExperience ? clip(client.workExperience) : null);
  row('Interessen', client.interests ? clip(client.interests) : null);
  row('Stärken', client.strengths ? clip(client.strengths) : null);
  const mobility = [
    client.mobilityRadiusKm != null ? `Arbeitsweg bis ${client.mobilityRadiusKm} km` : null,
    client.drivingLicence != null ? `Führerschein: ${client.drivingLicence ? 'ja' : 'nein'}` : null,
  ].filter(Boolean);
  row('Mobilität', mobility.length > 0 ? mobility.join(' · ') : null);
  row('Verfügbar', availabilityLine(answers));
  if (opts.includeContact) {
    row('Telefon', client.phone);
    row('E-Mail', client.email);
  }
  const contact = [office.officeName, actor.displayName, office.phone, office.email]
    .filter(Boolean)
    .join(' · ');
  row('Ansprechperson', contact);

  doc.font('regular').fontSize(8).fillColor('#555555');
  doc.text(
    'Die Angaben stammen teilweise aus einer Selbstauskunft der Person und wurden von der Beratung bestätigt. Weitergabe mit Einwilligung der Person; bitte nicht an Dritte weitergeben.',
    doc.page.margins.left,
    doc.page.height - doc.page.margins.bottom - 24,
    { width, lineBreak: true },
  );
  const bytes = await finish(doc);
  await audit(ctx, ctx.db, {
    action: 'export',
    entityType: 'client',
    entityId: clientId,
    officeId: client.officeId,
    details: { document: 'application_profile_pdf', includeContact: opts.includeContact },
  });
  const safe = `${client.familyName}-${client.givenNames}`.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-');
  return { fileName: `Bewerbungsprofil-${safe}.pdf`, bytes };
}
