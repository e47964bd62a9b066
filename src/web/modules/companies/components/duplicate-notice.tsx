import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TCompanyDuplicate } from '../../../../contracts/companies';
import { useCompanyDuplicates } from '../api';
import { CompanyStageBadge } from './stage-badge';

/** The existing companies, each linked to its page, with place and stage. */
export function DuplicateList({ duplicates }: { duplicates: readonly TCompanyDuplicate[] }) {
  return (
    <ul className="kausa-plain-list" style={{ gap: '0.25rem' }}>
      {duplicates.map((dup) => (
        <li key={dup.id} data-testid="company-duplicate">
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/companies/${dup.id}`} fw={600} size="sm">
              {dup.name}
            </Anchor>
            <Text size="sm" component="span">
              {[dup.postcode, dup.place].filter(Boolean).join(' ')}
            </Text>
            <CompanyStageBadge stage={dup.stage} size="sm" />
          </Group>
        </li>
      ))}
    </ul>
  );
}

/**
 * Live check of the create form: once a name (and, when typed, a complete postcode) is entered
 * (debounced 500 ms), lists the office's companies with the same name key — "Diesen Betrieb gibt es
 * vielleicht schon" — each linked. Announced politely; nothing is blocked here (the server warns again).
 */
export function LiveDuplicateHint({ name, postcode }: { name: string; postcode: string }) {
  const { t } = useTranslation();
  const [input] = useDebouncedValue(
    { name: name.trim(), postcode: /^\d{5}$/.test(postcode.trim()) ? postcode.trim() : undefined },
    500,
  );
  const check = useCompanyDuplicates(input.name, input.postcode);
  const hits = input.name.length >= 2 ? (check.data ?? []) : [];
  return (
    <div aria-live="polite" data-testid="live-duplicates">
      {hits.length > 0 ? (
        <Alert
          color="blue"
          variant="light"
          title={t('companies.duplicates.liveTitle', { count: hits.length })}
        >
          <Stack gap="xs">
            <Text size="sm">{t('companies.duplicates.liveIntro')}</Text>
            <DuplicateList duplicates={hits} />
          </Stack>
        </Alert>
      ) : null}
    </div>
  );
}
