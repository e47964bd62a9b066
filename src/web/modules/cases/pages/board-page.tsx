import { Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { TCaseStage } from '../../../../contracts/cases';
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
  const [dropTarget, setDropTarget] = useState<TCaseStage | null>(null);
  const cards = cases.data?.items ?? [];
  const move = (card: TCaseCard, stage: TCaseStage) => {
    if (card.stage === stage) return;
    setMoving({
      target: { id: card.id, clientName: card.clientName, stage: card.stage, version: card.version },
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
        <section
          className="kausa-board"
          data-testid="case-board"
          // A region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1), also without cards.
          // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region, focusable so arrow keys scroll it.
          tabIndex={0}
          aria-label={t('cases.board.regionLabel')}
        >
          {groupByStage(cards).map(([stage, columnCards]) => (
            <section
              key={stage}
              className="kausa-board-column"
              aria-labelledby={`board-column-${stage}`}
              data-testid={`board-column-${stage}`}
              data-drop-target={dropTarget === stage}
              onDragOver={(event) => {
                if (event.dataTransfer.types.includes('text/x-kausa-case')) {
                  event.preventDefault();
                  setDropTarget(stage);
                }
              }}
              onDragLeave={() => setDropTarget((current) => (current === stage ? null : current))}
              onDrop={(event) => {
                event.preventDefault();
                setDropTarget(null);
                const id = event.dataTransfer.getData('text/x-kausa-case');
                const card = cards.find((c) => c.id === id);
                if (card) move(card, stage);
              }}
            >
              <Group justify="space-between" mb="xs" wrap="nowrap">
                <Title order={2} size="h5" id={`board-column-${stage}`}>
                  {t(`cases.stage.${stage}`)}
                </Title>
                <Text size="xs" data-testid="column-count">
                  {t('cases.board.count', { count: columnCards.length })}
                </Text>
              </Group>
              {columnCards.length === 0 ? (
                <Text size="xs">{t('cases.board.emptyColumn')}</Text>
              ) : (
                <ul>
                  {columnCards.map((card) => (
                    <li key={card.id}>
                      <CaseCard card={card} onMove={move} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </section>
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
