import { SimpleGrid, Stack, Title, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { TClient } from '../../../../contracts/clients';
import { useFormatters } from '../../../lib/format';
import { displayNames } from '../codes';
import { OccupationName } from './occupation-picker';

type TRow = [label: string, value: React.ReactNode];

/** Term/value list; empty values show "–" (read as "nicht angegeben"). */
export function FactList({ rows, testId }: { rows: TRow[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <dl className="kausa-dl" data-testid={testId}>
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd style={{ margin: 0 }}>
            {value === null || value === undefined || value === '' ? (
              <>
                <span aria-hidden="true">–</span>
                <VisuallyHidden component="span">{t('clients.notStated')}</VisuallyHidden>
              </>
            ) : (
              value
            )}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/**
 * The availability window in words: "ab 01.07.2027 bis 31.10.2027", "ab …", "bis …"; null when neither
 * day is recorded.
 */
function availabilityText(
  client: Pick<TClient, 'availableFrom' | 'availableUntil'>,
  day: (value: string | null) => string,
  t: TFunction,
): string | null {
  const from = client.availableFrom ? day(client.availableFrom) : null;
  const until = client.availableUntil ? day(client.availableUntil) : null;
  if (from && until) return t('clients.fields.availabilityFromUntil', { from, until });
  if (from) return t('clients.fields.availabilityFrom', { from });
  if (until) return t('clients.fields.availabilityUntil', { until });
  return null;
}

/** Read-only profile of a client, grouped like the form (h3 headings under the page's "Profil" h2). */
export function ClientProfileView({ client }: { client: TClient }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const country = displayNames('region', i18n.language);
  const language = displayNames('language', i18n.language);
  const yesNo = (v: boolean | null) => (v === null ? null : v ? t('clients.yes') : t('clients.no'));
  const tr = (prefix: string, v: string | null) => (v ? t(`${prefix}.${v}`) : null);
  const f = (key: string) => t(`clients.fields.${key}`);
  const sections: [string, TRow[]][] = [
    [
      t('clients.sections.person'),
      [
        [f('givenNames'), client.givenNames],
        [f('familyName'), client.familyName],
        [f('spokenName'), client.spokenName],
        [f('dateOfBirth'), format.day(client.dateOfBirth)],
        [f('gender'), tr('clients.gender', client.gender)],
      ],
    ],
    [
      t('clients.sections.contact'),
      [
        [f('phone'), client.phone],
        [f('email'), client.email],
        [f('messenger'), client.messenger],
        [f('street'), client.street],
        [f('postcode'), client.postcode ? `${client.postcode} ${client.place ?? ''}`.trim() : null],
      ],
    ],
    [
      t('clients.sections.origin'),
      [
        [f('countryOfOrigin'), client.countryOfOrigin ? country(client.countryOfOrigin) : null],
        [f('citizenship'), client.citizenship ? country(client.citizenship) : null],
        [f('foreignBackground'), yesNo(client.foreignBackground)],
        [
          f('languages'),
          client.languages
            .map((l) => (l.level ? `${language(l.code)} (${l.level})` : language(l.code)))
            .join(', '),
        ],
        [
          f('germanLevel'),
          client.germanLevel
            ? [
                client.germanLevel,
                client.germanLevelDate ? format.day(client.germanLevelDate) : null,
                tr('clients.germanLevelSource', client.germanLevelSource),
              ]
                .filter(Boolean)
                .join(', ')
            : null,
        ],
      ],
    ],
    [
      t('clients.sections.schoolAndWork'),
      [
        [
          f('schoolQualification'),
          [
            tr('clients.school', client.schoolQualification),
            client.schoolForeign ? t('clients.foreignQualification') : null,
            client.schoolCountry ? country(client.schoolCountry) : null,
            tr('clients.recognition', client.schoolRecognition),
          ]
            .filter(Boolean)
            .join(', '),
        ],
        [f('workExperience'), client.workExperience],
        [f('interests'), client.interests],
        [f('strengths'), client.strengths],
        [
          f('wishedOccupations'),
          client.wishedOccupationIds.length > 0 ? (
            <ul key="occupations" className="kausa-compact-list">
              {client.wishedOccupationIds.map((id) => (
                <li key={id}>
                  <OccupationName id={id} />
                </li>
              ))}
            </ul>
          ) : null,
        ],
        [f('availability'), availabilityText(client, format.day, t)],
        [
          f('wantedPlaceKinds'),
          client.wantedPlaceKinds.map((kind) => t(`places.kind.${kind}`)).join(', ') || null,
        ],
        [
          f('mobilityRadiusKm'),
          client.mobilityRadiusKm === null ? null : format.distanceKm(client.mobilityRadiusKm),
        ],
        [f('drivingLicence'), yesNo(client.drivingLicence)],
      ],
    ],
    [
      t('clients.sections.residence'),
      [
        [f('residenceStatus'), tr('clients.residenceStatus', client.residenceStatus)],
        [f('residenceParagraph'), client.residenceParagraph],
        [f('residenceExpiresOn'), format.day(client.residenceExpiresOn)],
        [f('workPermit'), tr('clients.workPermit', client.workPermit)],
        [f('workPermitExpiresOn'), format.day(client.workPermitExpiresOn)],
      ],
    ],
    [
      t('clients.sections.programmeAndNotes'),
      [
        [f('employmentStatusAtEntry'), tr('clients.employmentStatus', client.employmentStatusAtEntry)],
        [
          f('notes'),
          client.notes ? (
            <span key="notes" style={{ whiteSpace: 'pre-wrap' }}>
              {client.notes}
            </span>
          ) : null,
        ],
      ],
    ],
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" data-testid="client-profile">
      {sections.map(([title, rows]) => (
        <Stack key={title} gap="xs">
          <Title order={3} size="h4">
            {title}
          </Title>
          <FactList rows={rows} />
        </Stack>
      ))}
    </SimpleGrid>
  );
}
