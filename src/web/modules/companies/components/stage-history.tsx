import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCompanyStageChange } from '../../../../contracts/companies';
import { useFormatters } from '../../../lib/format';
import { historyOldestFirst } from '../company-stages';

/** Every stage change of a company with its day, who recorded it and the reason, oldest first. */
export function CompanyStageHistory({ history }: { history: readonly TCompanyStageChange[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (history.length === 0) return <Text>{t('companies.history.empty')}</Text>;
  return (
    <ol className="kausa-timeline" data-testid="company-history">
      {historyOldestFirst(history).map((change, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id; their order is their identity.
        <li key={index} data-testid="history-entry">
          <Stack gap={2}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm" component="span">
                {format.day(change.changedOn)}
              </Text>
              <Text size="sm" component="span">
                {change.fromStage
                  ? t('companies.history.moved', {
                      from: t(`companies.stage.${change.fromStage}`),
                      to: t(`companies.stage.${change.toStage}`),
                    })
                  : t('companies.history.created', { to: t(`companies.stage.${change.toStage}`) })}
              </Text>
            </Group>
            {change.changedByName ? (
              <Text size="xs">{t('companies.history.by', { name: change.changedByName })}</Text>
            ) : (
              <Text size="xs">{t('companies.history.automatic')}</Text>
            )}
            {change.reason ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('companies.history.reason', { reason: change.reason })}
              </Text>
            ) : null}
          </Stack>
        </li>
      ))}
    </ol>
  );
}
