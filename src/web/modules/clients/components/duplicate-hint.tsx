import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../../lib/format';
import { useDuplicateCheck } from '../api';
import { duplicateCheckInput } from '../client-form';

/** Props of {@link DuplicateHint}. */
export interface DuplicateHintProps {
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
}

/**
 * Live duplicate check of the intake: once both names and the birth date are filled in (debounced
 * 500 ms), asks the API for existing clients that may be the same person and lists them with the
 * reasons ("Mögliche Doppelung: …"), each linked to the existing record. Announced politely.
 */
export function DuplicateHint({ givenNames, familyName, dateOfBirth }: DuplicateHintProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [input] = useDebouncedValue(duplicateCheckInput({ givenNames, familyName, dateOfBirth }), 500, {
    leading: false,
  });
  const check = useDuplicateCheck(input);
  const hits = input ? (check.data ?? []) : [];
  return (
    <div aria-live="polite" data-testid="duplicate-hint">
      {hits.length > 0 ? (
        <Alert color="red" variant="light" title={t('clients.duplicates.title', { count: hits.length })}>
          <Stack gap="xs">
            <Text size="sm">{t('clients.duplicates.intro')}</Text>
            <ul className="kausa-plain-list kausa-compact-list">
              {hits.map((hit) => (
                <li key={hit.client.id} data-testid="duplicate-hit">
                  <Text size="sm">
                    <Anchor component={Link} to={`/clients/${hit.client.id}`} target="_blank">
                      {hit.client.givenNames} {hit.client.familyName}
                    </Anchor>
                    {hit.client.dateOfBirth ? `, ${format.day(hit.client.dateOfBirth)}` : ''}
                    {hit.client.postcode ? `, ${hit.client.postcode} ${hit.client.place ?? ''}` : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('clients.duplicates.reasons', {
                      reasons: hit.reasons
                        .map((reason) => t(`clients.duplicates.reason.${reason}`, { defaultValue: reason }))
                        .join(', '),
                    })}
                  </Text>
                </li>
              ))}
            </ul>
          </Stack>
        </Alert>
      ) : null}
    </div>
  );
}
