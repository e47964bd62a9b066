import { Anchor, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TCaseStage } from '../../../../contracts/cases';
import { todayDay, useFormatters } from '../../../lib/format';
import type { TCaseCard } from '../api';
import { daysBetween, moveTargets } from '../stages';

/** Props of {@link CaseCard}. */
export interface CaseCardProps {
  card: TCaseCard;
  /** Opens the stage dialog for `stage` (menu choice or drop). */
  onMove: (card: TCaseCard, stage: TCaseStage) => void;
}

/**
 * A case on the board: name (link to the case), age, German level, last contact, open tasks, and a
 * "Verschieben nach …" menu, the keyboard way to move it. The board makes the card draggable onto a column.
 */
export function CaseCard({ card, onMove }: CaseCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const days = daysBetween(card.lastContactOn, todayDay());
  return (
    <Paper withBorder p="xs" data-testid="case-card">
      <Stack gap={4}>
        <Anchor component={Link} to={`/cases/${card.id}`} fw={600} size="sm">
          {card.clientName}
        </Anchor>
        <Text size="xs">
          {[
            card.age === null ? null : t('cases.card.age', { count: card.age }),
            card.germanLevel ? t('cases.card.german', { level: card.germanLevel }) : null,
          ]
            .filter(Boolean)
            .join(' · ') || t('cases.card.noFacts')}
        </Text>
        <Text size="xs">
          {!card.lastContactOn
            ? t('cases.card.noContact')
            : days === 0
              ? t('cases.card.lastContactToday')
              : t('cases.card.lastContact', { date: format.day(card.lastContactOn), count: days ?? 0 })}
        </Text>
        <Text size="xs">{t('cases.card.openTasks', { count: card.openTasks })}</Text>
        <Group justify="flex-end">
          <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
            <Menu.Target>
              <Button
                size="compact-xs"
                variant="default"
                aria-label={t('cases.card.moveLabel', { name: card.clientName })}
              >
                {t('cases.card.move')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {moveTargets(card.stage).map((stage) => (
                <Menu.Item key={stage} onClick={() => onMove(card, stage)}>
                  {t(`cases.stage.${stage}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Stack>
    </Paper>
  );
}
