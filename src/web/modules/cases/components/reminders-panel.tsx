import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../../contracts/cases';
import { useFormatters } from '../../../lib/format';
import type { TReferralPartner } from './referrals-section';

type TReminder = TCase['reminders'][number];

/** Props of {@link RemindersPanel}. */
export interface RemindersPanelProps {
  reminders: readonly TReminder[];
  /** Opens the referral form prefilled for the suggested partner. */
  onRefer: (partner: TReferralPartner, reason: string) => void;
}

/**
 * Residence-law reminders of a case, shown prominently at the top: what (expiry of the residence document
 * or work permit, the Ausbildungsduldung application window, the duty to notify after an early end), the
 * day, the server's factual message, and a button to refer to the immigration office or refugee
 * counselling. Facts and dates only, never a legal assessment (said in the panel).
 */
export function RemindersPanel({ reminders, onRefer }: RemindersPanelProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (reminders.length === 0) return null;
  return (
    <Paper
      component="section"
      aria-labelledby="reminders-title"
      p="md"
      data-testid="reminders"
      style={{ border: '2px solid var(--mantine-color-red-9)', background: 'var(--mantine-color-red-0)' }}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="reminders-title" c="red.9">
          {t('cases.reminders.title', { count: reminders.length })}
        </Title>
        <ul className="kausa-plain-list">
          {reminders.map((reminder, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: reminders are derived and have no id.
            <li key={index} data-testid="reminder">
              <Stack gap={4} align="flex-start">
                <Text fw={700} size="sm">
                  {t(`cases.reminders.kind.${reminder.kind}`)}: {format.day(reminder.date)}
                </Text>
                <Text size="sm">{reminder.message}</Text>
                {reminder.suggestReferral ? (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() =>
                      onRefer(
                        reminder.suggestReferral as TReferralPartner,
                        `${t(`cases.reminders.kind.${reminder.kind}`)}: ${format.day(reminder.date)}`,
                      )
                    }
                  >
                    {t('cases.reminders.refer', { partner: t(`cases.partner.${reminder.suggestReferral}`) })}
                  </Button>
                ) : null}
              </Stack>
            </li>
          ))}
        </ul>
        <Text size="xs">{t('cases.reminders.disclaimer')}</Text>
      </Stack>
    </Paper>
  );
}
