import { Anchor, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TCompanySummary } from '../../../../contracts/companies';
import type { TCompanyStage } from '../../../../contracts/companies.enums';
import { useFormatters } from '../../../lib/format';
import { companyMoveTargets } from '../company-stages';

/** Props of {@link CompanyCard}. */
export interface CompanyCardProps {
  card: TCompanySummary;
  /** Opens the stage dialog for `stage` (menu choice; a drop on a column calls it too). */
  onMove: (card: TCompanySummary, stage: TCompanyStage) => void;
}

/**
 * A company on the acquisition board: name (link to its page), place, primary contact person,
 * responsible counsellor, last contact, open follow-ups with the next due day, and the "Verschieben
 * nach …" menu — the keyboard way to move it (the board also lets the mouse drag it onto a column).
 */
export function CompanyCard({ card, onMove }: CompanyCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const place = [card.postcode, card.place].filter(Boolean).join(' ');
  return (
    <Paper withBorder p="xs" data-testid="company-card">
      <Stack gap={4}>
        <Anchor component={Link} to={`/companies/${card.id}`} fw={600} size="sm">
          {card.name}
        </Anchor>
        {place ? <Text size="xs">{place}</Text> : null}
        {card.primaryContactName ? (
          <Text size="xs">{t('companies.card.contact', { name: card.primaryContactName })}</Text>
        ) : null}
        <Text size="xs">
          {card.ownerName ? t('companies.card.owner', { name: card.ownerName }) : t('companies.card.noOwner')}
        </Text>
        <Text size="xs">
          {card.lastContactOn
            ? t('companies.card.lastContact', { date: format.day(card.lastContactOn) })
            : t('companies.card.noContact')}
        </Text>
        {card.openTasks > 0 ? (
          <Text size="xs">
            {card.nextDueOn
              ? t('companies.card.openTasksDue', { count: card.openTasks, date: format.day(card.nextDueOn) })
              : t('companies.card.openTasks', { count: card.openTasks })}
          </Text>
        ) : null}
        {card.trainingHistory === 'never' ? (
          <Text size="xs" fw={600}>
            {t('companies.card.firstTime')}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
            <Menu.Target>
              <Button
                size="compact-xs"
                variant="default"
                aria-label={t('companies.card.moveLabel', { name: card.name })}
              >
                {t('companies.card.move')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {companyMoveTargets(card.stage).map((stage) => (
                <Menu.Item key={stage} onClick={() => onMove(card, stage)}>
                  {t(`companies.stage.${stage}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Stack>
    </Paper>
  );
}
