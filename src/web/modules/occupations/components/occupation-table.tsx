import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TOccupation } from '../../../../contracts/reference';

/**
 * Recognised training occupations as a table: name (with "auch: …" when found through an alias),
 * duration in months, competent chamber(s) in words, KldB 2010
 * code and kind of training (with the law for a training under its own federal law, e.g. "PflBG").
 * Scrolls sideways on narrow screens.
 */
export function OccupationTable({
  occupations,
  caption,
}: {
  occupations: readonly TOccupation[];
  caption: string;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" data-testid="occupation-list">
        <caption className="kausa-visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('occupations.fields.name')}</Table.Th>
            <Table.Th scope="col">{t('occupations.fields.duration')}</Table.Th>
            <Table.Th scope="col">{t('occupations.fields.chamber_other')}</Table.Th>
            <Table.Th scope="col">{t('occupations.fields.kldb')}</Table.Th>
            <Table.Th scope="col">{t('occupations.fields.kind')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {occupations.map((occupation) => (
            <Table.Tr key={occupation.id} data-testid="occupation">
              <Table.Th scope="row" fw={600}>
                <span lang="de">{occupation.name}</span>
                {occupation.matchedAlias ? (
                  <Text size="sm" fw={400} fs="italic" data-testid="occupation-alias">
                    {t('occupations.alsoKnownAs', { alias: occupation.matchedAlias })}
                  </Text>
                ) : null}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {t('occupations.months', { count: occupation.durationMonths })}
              </Table.Td>
              <Table.Td>
                {occupation.chamber.map((chamber) => (
                  <div key={chamber}>{t(`occupations.chambers.${chamber}`)}</div>
                ))}
              </Table.Td>
              <Table.Td>{occupation.kldb}</Table.Td>
              <Table.Td>
                {t(`occupations.kinds.${occupation.kind}`)}
                {occupation.legalBasis ? (
                  <Text size="sm" data-testid="occupation-legal-basis">
                    {t('occupations.legalBasis', { law: occupation.legalBasis })}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
