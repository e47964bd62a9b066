import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CLIENT_LANGUAGES } from '../../../../contracts/self-service';
import { useFormatters } from '../../../lib/format';
import { PageTitle } from '../../../ui/page-title';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { useLetterTemplates, useMissingTranslations } from '../api';

/**
 * "Übersetzungen" (`/translations`): for editors, the letter templates and the profile form in every
 * client language: what is missing (German is shown instead) and what is not reviewed yet.
 */
export function TranslationsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const missing = useMissingTranslations();
  const templates = useLetterTemplates();
  const what = (kind: string) =>
    kind === 'profile_form'
      ? t('selfService.translations.profileForm')
      : t(`selfService.letters.kinds.${kind}`);
  return (
    <Stack>
      <PageTitle title={t('selfService.translations.title')} />
      <Text>{t('selfService.translations.intro')}</Text>
      <PageSection title={t('selfService.translations.caption')} data-testid="missing-translations">
        {missing.isPending ? <PageLoader /> : null}
        {missing.isError ? <QueryError error={missing.error} onRetry={() => void missing.refetch()} /> : null}
        {missing.data && missing.data.length === 0 ? (
          <Text>{t('selfService.translations.empty')}</Text>
        ) : null}
        {missing.data && missing.data.length > 0 ? (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <caption className="kausa-visually-hidden">{t('selfService.translations.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('selfService.translations.what')}</Table.Th>
                  <Table.Th scope="col">{t('selfService.translations.language')}</Table.Th>
                  <Table.Th scope="col">{t('selfService.translations.reason')}</Table.Th>
                  <Table.Th scope="col">{t('selfService.translations.keys')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {missing.data.map((m) => (
                  <Table.Tr key={`${m.kind}-${m.language}-${m.reason}`}>
                    <Table.Td>{what(m.kind)}</Table.Td>
                    <Table.Td>{t(`selfService.languageNames.${m.language}`)}</Table.Td>
                    <Table.Td>{t(`selfService.translations.reasons.${m.reason}`)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                        {m.keys?.join(', ') ?? '–'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </PageSection>
      <PageSection title={t('selfService.translations.templatesCaption')} data-testid="letter-templates">
        {templates.isPending ? <PageLoader /> : null}
        {templates.isError ? (
          <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
        ) : null}
        {templates.data ? (
          <Table.ScrollContainer minWidth={720}>
            <Table>
              <caption className="kausa-visually-hidden">
                {t('selfService.translations.templatesCaption')}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('selfService.translations.template')}</Table.Th>
                  {CLIENT_LANGUAGES.map((code) => (
                    <Table.Th scope="col" key={code}>
                      {t(`selfService.languageNames.${code}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {templates.data.map((template) => (
                  <Table.Tr key={template.kind}>
                    <Table.Th scope="row">{t(`selfService.letters.kinds.${template.kind}`)}</Table.Th>
                    {CLIENT_LANGUAGES.map((code) => {
                      const tr = template.translations.find((x) => x.language === code);
                      return (
                        <Table.Td key={code}>
                          {!tr ? (
                            <Badge color="red" variant="light" tt="none">
                              {t('selfService.translations.missing')}
                            </Badge>
                          ) : tr.review.state === 'reviewed' ? (
                            <Text size="xs">
                              {t('selfService.translations.reviewedBy', {
                                reviewer: tr.review.reviewer ?? '–',
                                date: format.day(tr.review.reviewedOn),
                              })}
                            </Text>
                          ) : (
                            <Badge color="grape" variant="light" tt="none">
                              {t('selfService.translations.draft')}
                            </Badge>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </PageSection>
    </Stack>
  );
}
