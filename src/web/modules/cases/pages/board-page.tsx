import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { TCaseStage } from '../../../../contracts/cases';
import { KanbanBoard } from '../../../ui/kanban-board';
import { PageTitle } from '../../../ui/page-title';
import { PageLoader, QueryError } from '../../../ui/status';
import { useCurrentUser } from '../../auth';
import { type TCaseCard, useCases } from '../api';
import { CaseCard } from '../components/case-card';
import { StageDialog, type TStageDialogCase } from '../components/stage-dialog';
import { groupByStage } from '../stages';

/**
 * "Fall-Board" (`/board`): the office's cases as a kanban board, one column per stage in pipeline order.
 * A card moves through its "Verschieben nach …" menu (keyboard) or by dragging it onto a column (mouse);
 * both open the stage dialog, which asks for the day of the change.
 */
export function BoardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const mine = params.get('mine') === '1';
  const cases = useCases({ counsellorId: mine ? me.id : undefined, limit: 500 });
  const [moving, setMoving] = useState<{ target: TStageDialogCase; stage: TCaseStage } | null>(null);
  const cards = cases.data?.items ?? [];
  const move = (card: TCaseCard, stage: TCaseStage) => {
    if (card.stage === stage) return;
    setMoving({
      target: {
        id: card.id,
        clientName: card.clientName,
        stage: card.stage,
        version: card.version,
        clientId: card.clientId,
      },
      stage,
    });
  };
  return (
    <Stack>
      <PageTitle title={t('cases.board.title')} />
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">{t('cases.board.intro')}</Text>
        <Checkbox
          label={t('cases.filters.mine')}
          checked={mine}
          onChange={(event) => setParams(event.currentTarget.checked ? { mine: '1' } : {}, { replace: true })}
        />
      </Group>
      {cases.isPending ? <PageLoader /> : null}
      {cases.isError ? <QueryError error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.data ? (
        <KanbanBoard
          data-testid="case-board"
          label={t('cases.board.regionLabel')}
          emptyText={t('cases.board.emptyColumn')}
          dragType="text/x-kausa-case"
          columns={groupByStage(cards).map(([stage, columnCards]) => ({
            id: stage,
            title: t(`cases.stage.${stage}`),
            countText: t('cases.board.count', { count: columnCards.length }),
            items: columnCards,
          }))}
          itemId={(card) => card.id}
          renderItem={(card) => <CaseCard card={card} onMove={move} />}
          onDropItem={(id, stage) => {
            const card = cards.find((c) => c.id === id);
            if (card) move(card, stage as TCaseStage);
          }}
        />
      ) : null}
      {cases.data && cases.data.total > cards.length ? (
        <Text size="sm">{t('cases.board.truncated', { shown: cards.length, total: cases.data.total })}</Text>
      ) : null}
      <StageDialog
        target={moving?.target ?? null}
        initialStage={moving?.stage ?? null}
        onClose={() => setMoving(null)}
      />
    </Stack>
  );
}
