import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TCompanyDetail, TCompanyDuplicate } from '../../../../contracts/companies';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { PageSection } from '../../../ui/section';
import { useCompanyDuplicates, useMergeCompanies } from '../api';
import { CompanyStageBadge } from './stage-badge';

/** Asks before merging `other` into `company`, says what moves, and merges. */
function MergeConfirm({
  company,
  other,
  onDone,
}: {
  company: TCompanyDetail;
  other: TCompanyDuplicate;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const merge = useMergeCompanies();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Stack>
      <Text>{t('companies.merge.question', { other: other.name, name: company.name })}</Text>
      <Text size="sm">{t('companies.merge.what')}</Text>
      <FormAlert message={message} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('app.cancel')}
        </Button>
        <Button
          loading={merge.isPending}
          onClick={() =>
            merge.mutate(
              { id: company.id, otherId: other.id, version: company.version },
              {
                onSuccess: () => {
                  notifySuccess(t('companies.merge.done', { other: other.name }));
                  onDone();
                },
                onError: (error) => setMessage(errorMessage(error, t)),
              },
            )
          }
        >
          {t('companies.merge.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * "Mögliche Doppelung": other companies of the office with the same name (and postcode), each linked,
 * with "Hierher zusammenführen": the other one's contact persons, contacts, tasks, history, checklist and
 * places move here and it stays behind read-only. Renders nothing while no duplicate is known.
 */
export function MergeSection({ company }: { company: TCompanyDetail }) {
  const { t } = useTranslation();
  const duplicates = useCompanyDuplicates(company.name, company.postcode ?? undefined);
  const [merging, setMerging] = useState<TCompanyDuplicate | null>(null);
  const others = (duplicates.data ?? []).filter((d) => d.id !== company.id);
  if (company.mergedIntoId || others.length === 0) return null;
  return (
    <PageSection title={t('companies.merge.title', { count: others.length })} data-testid="merge-section">
      <Stack gap="sm">
        <Text size="sm">{t('companies.merge.intro')}</Text>
        <ul className="kausa-plain-list" style={{ gap: '0.5rem' }}>
          {others.map((other) => (
            <li key={other.id} data-testid="merge-candidate">
              <Group gap="sm" wrap="wrap">
                <Anchor component={Link} to={`/companies/${other.id}`} fw={600}>
                  {other.name}
                </Anchor>
                <Text size="sm" component="span">
                  {[other.postcode, other.place].filter(Boolean).join(' ')}
                </Text>
                <CompanyStageBadge stage={other.stage} size="sm" />
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => setMerging(other)}
                  aria-label={t('companies.merge.buttonLabel', { other: other.name })}
                >
                  {t('companies.merge.button')}
                </Button>
              </Group>
            </li>
          ))}
        </ul>
      </Stack>
      <AppModal
        opened={merging !== null}
        onClose={() => setMerging(null)}
        title={t('companies.merge.dialogTitle')}
      >
        {merging ? <MergeConfirm company={company} other={merging} onDone={() => setMerging(null)} /> : null}
      </AppModal>
    </PageSection>
  );
}
