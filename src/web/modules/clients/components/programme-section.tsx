import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TClient } from '../../../../contracts/clients';
import { FactList } from './client-profile-view';

/**
 * Programme fields funders count (read-only; derived by the server from the record): age group at
 * entry, ISCED level, citizenship group, rural residence, plus the employment status and foreign
 * background recorded at entry.
 */
export function ProgrammeSection({ client }: { client: TClient }) {
  const { t } = useTranslation();
  const p = client.programme;
  const yesNo = (v: boolean | null) => (v === null ? null : v ? t('clients.yes') : t('clients.no'));
  return (
    <>
      <Text size="sm" mb="xs">
        {t('clients.programme.intro')}
      </Text>
      <FactList
        testId="programme"
        rows={[
          [
            t('clients.programme.ageGroupAtEntry'),
            p.ageGroupAtEntry ? t(`clients.programme.ageGroup.${p.ageGroupAtEntry}`) : null,
          ],
          [t('clients.programme.iscedLevel'), p.iscedLevel === null ? null : String(p.iscedLevel)],
          [
            t('clients.programme.citizenshipGroup'),
            p.citizenshipGroup ? t(`clients.programme.citizenship.${p.citizenshipGroup}`) : null,
          ],
          [t('clients.programme.ruralResidence'), yesNo(p.ruralResidence)],
          [
            t('clients.fields.employmentStatusAtEntry'),
            client.employmentStatusAtEntry
              ? t(`clients.employmentStatus.${client.employmentStatusAtEntry}`)
              : null,
          ],
          [t('clients.fields.foreignBackground'), yesNo(client.foreignBackground)],
        ]}
      />
    </>
  );
}
