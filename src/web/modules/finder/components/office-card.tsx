import { Anchor, Badge, Box, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDirectoryResult } from '../../../../contracts/office-directory';
import { useFormatters } from '../../../lib/format';
import { emailAddress, telHref, websiteLink } from '../contact-links';

/** One office of a finder result (directory entry with distance and responsibility). */
export type TDirectoryHit = TDirectoryResult['items'][number];

const KIND_COLOURS = { coordination: 'grape', state_office: 'blue', service_centre: 'gray' } as const;

/** A term and its value in the contact list; nothing when the value is empty. */
function Entry({ term, children }: { term: string; children: React.ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Phone number as a `tel:` link (plain text when no number can be read from it). */
function Phone({ value }: { value: string | null }) {
  if (!value) return null;
  const href = telHref(value);
  return href ? (
    <Anchor href={href} inherit>
      {value}
    </Anchor>
  ) : (
    value
  );
}

/**
 * One office in the finder's result list: number (as on the map), name, kind, responsibility,
 * distance, what it offers (description, focus topics, practice examples) and how to reach it
 * (operator, address, phone, e-mail, website, contact person). Fields the source does not state are left out.
 * The texts come from the German office pages, so they are marked `lang="de"` (read correctly in English too).
 */
export function OfficeCard({
  hit,
  number,
  level = 3,
}: {
  hit: TDirectoryHit;
  number: number;
  level?: 3 | 4;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const sublevel = level === 3 ? 4 : 5;
  const { operator } = hit;
  const email = operator.email ? emailAddress(operator.email) : null;
  const website = operator.website ? websiteLink(operator.website) : null;
  const hasContact =
    Boolean(
      operator.name ||
        operator.address ||
        operator.phone ||
        operator.fax ||
        operator.email ||
        operator.website,
    ) || Boolean(hit.contactPerson);
  return (
    <Paper component="article" withBorder p="md" aria-labelledby={headingId} data-testid="finder-office">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Box className="kausa-map-number" aria-hidden="true">
          {number}
        </Box>
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          <Title order={level} size="h4" id={headingId}>
            {hit.name}
          </Title>
          <Group gap="xs" wrap="wrap">
            <Badge color={KIND_COLOURS[hit.kind]} variant="light" tt="none">
              {t(`officeKinds.${hit.kind}`)}
            </Badge>
            {hit.responsible ? (
              <Badge color="blue" variant="filled" tt="none">
                {t('finder.office.responsible')}
              </Badge>
            ) : null}
            {hit.distanceKm !== null ? (
              <Text size="sm" fw={600} data-testid="finder-distance">
                {t('finder.office.distance', { distance: format.distanceKm(hit.distanceKm) })}
              </Text>
            ) : null}
            {hit.location ? (
              <Text size="sm">{t('finder.office.location', { place: hit.location })}</Text>
            ) : null}
          </Group>
          {hit.description ? (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }} lang="de">
              {hit.description}
            </Text>
          ) : null}
          {hit.focusTopics.length > 0 ? (
            <Box>
              <Title order={sublevel} size="h6">
                {t('finder.office.focusTopics')}
              </Title>
              <List size="sm" spacing={2} lang="de">
                {hit.focusTopics.map((topic) => (
                  <List.Item key={topic}>{topic}</List.Item>
                ))}
              </List>
            </Box>
          ) : null}
          {hit.stories.length > 0 ? (
            <Box>
              <Title order={sublevel} size="h6">
                {t('finder.office.stories')}
              </Title>
              <List size="sm" spacing={2} lang="de">
                {hit.stories.map((story) => (
                  <List.Item key={`${story.title}-${story.url ?? ''}`}>
                    {story.url && websiteLink(story.url) ? (
                      <Anchor href={websiteLink(story.url)?.href} target="_blank" rel="noopener">
                        {story.title}
                      </Anchor>
                    ) : (
                      story.title
                    )}
                  </List.Item>
                ))}
              </List>
            </Box>
          ) : null}
          <Box>
            <Title order={sublevel} size="h6">
              {t('finder.office.contact')}
            </Title>
            {hasContact ? null : <Text size="sm">{t('finder.office.noContact')}</Text>}
            <dl className="kausa-dl" hidden={!hasContact}>
              <Entry term={t('finder.office.operator')}>{operator.name}</Entry>
              <Entry term={t('finder.office.address')}>
                {operator.address ? <span style={{ whiteSpace: 'pre-line' }}>{operator.address}</span> : null}
              </Entry>
              <Entry term={t('finder.office.phone')}>
                {operator.phone ? <Phone value={operator.phone} /> : null}
              </Entry>
              <Entry term={t('finder.office.fax')}>{operator.fax}</Entry>
              <Entry term={t('finder.office.email')}>
                {email ? (
                  <Anchor href={`mailto:${email}`} inherit>
                    {email}
                  </Anchor>
                ) : (
                  operator.email
                )}
              </Entry>
              <Entry term={t('finder.office.website')}>
                {website ? (
                  <Anchor href={website.href} target="_blank" rel="noopener" inherit>
                    {website.text}
                  </Anchor>
                ) : (
                  operator.website
                )}
              </Entry>
              <Entry term={t('finder.office.contactPerson')}>{hit.contactPerson}</Entry>
            </dl>
          </Box>
        </Stack>
      </Group>
    </Paper>
  );
}
