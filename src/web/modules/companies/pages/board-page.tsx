import { Anchor, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { TCompanyBoard, TCompanySummary } from '../../../../contracts/companies';
import type { TCompanyStage } from '../../../../contracts/companies.enums';
import { KanbanBoard, type TKanbanColumn } from '../../../ui/kanban-board';
import { PageTitle } from '../../../ui/page-title';
import { PageLoader, QueryError } from '../../../ui/status';
import { useCurrentUser } from '../../auth';
import { useCompanyBoard } from '../api';
import { splitBoardColumns } from '../company-stages';
import { CompanyCard } from '../components/company-card';
import { CompanyStageDialog, type TStageDialogCompany } from '../components/stage-dialog';

const DRAG_TYPE = 'text/x-kausa-company';

/**
 * "Akquise-Board" (`/companies/board`): the office's companies as a kanban board, one column per stage
 * of the pipeline (identified → … → training); the side exits "Abgesagt" and "Ruht" form a strip below
 * whose cards are shown on request (its columns take drops either way). A card moves through its
 * "Verschieben nach …" menu (keyboard) or by dragging it onto a column (mouse); both open the stage
 * dialog, which asks for the day and, for the side exits, the reason.
 */
export function CompanyBoardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const mine = params.get('mine') === '1';
  const board = useCompanyBoard(mine ? me.id : undefined);
  const [showSide, setShowSide] = useState(false);
  const [moving, setMoving] = useState<{ target: TStageDialogCompany; stage: TCompanyStage } | null>(null);
  const columns = board.data?.columns ?? [];
  const cards = columns.flatMap((column) => column.items);
  const { pipeline, side } = splitBoardColumns(columns);
  const sideCount = side.reduce((sum, column) => sum + column.count, 0);

  const move = (card: TCompanySummary, stage: TCompanyStage) => {
    if (card.stage === stage) return;
    setMoving({
      target: {
        id: card.id,
        name: card.name,
        stage: card.stage,
        version: card.version,
        lastChangeOn: card.stageChangedOn,
      },
      stage,
    });
  };
  const onDrop = (id: string, stage: string) => {
    const card = cards.find((c) => c.id === id);
    if (card) move(card, stage as TCompanyStage);
  };
  const toColumn = (
    column: TCompanyBoard['columns'][number],
    hidden = false,
  ): TKanbanColumn<TCompanySummary> => ({
    id: column.stage,
    title: t(`companies.stage.${column.stage}`),
    countText: t('companies.board.count', { count: column.count }),
    items: hidden ? [] : column.items,
    note: hidden
      ? column.count > 0
        ? t('companies.board.hidden', { count: column.count })
        : undefined
      : column.count > column.items.length
        ? t('companies.board.truncated', { shown: column.items.length, total: column.count })
        : undefined,
  });
  const boardProps = {
    emptyText: t('companies.board.emptyColumn'),
    dragType: DRAG_TYPE,
    itemId: (card: TCompanySummary) => card.id,
    renderItem: (card: TCompanySummary) => <CompanyCard card={card} onMove={move} />,
    onDropItem: onDrop,
  };

  return (
    <Stack>
      <PageTitle
        title={t('companies.board.title')}
        actions={
          <>
            <Button component={Link} to="/companies" variant="default">
              {t('companies.board.toList')}
            </Button>
            <Button component={Link} to="/companies/new">
              {t('companies.list.new')}
            </Button>
          </>
        }
      />
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">{t('companies.board.intro')}</Text>
        <Checkbox
          label={t('companies.filters.mine')}
          checked={mine}
          onChange={(event) => setParams(event.currentTarget.checked ? { mine: '1' } : {}, { replace: true })}
        />
      </Group>
      {board.isPending ? <PageLoader /> : null}
      {board.isError ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
      {board.data ? (
        <>
          <KanbanBoard
            {...boardProps}
            data-testid="company-board"
            label={t('companies.board.regionLabel')}
            columns={pipeline.map((column) => toColumn(column))}
          />
          <Group justify="space-between" wrap="wrap" mt="md">
            <Title order={2} size="h4" id="company-board-side">
              {t('companies.board.sideTitle', { count: sideCount })}
            </Title>
            <Button
              variant="default"
              size="xs"
              aria-expanded={showSide}
              aria-controls="company-side-board"
              onClick={() => setShowSide((v) => !v)}
            >
              {showSide ? t('companies.board.hideSide') : t('companies.board.showSide')}
            </Button>
          </Group>
          <Text size="sm">{t('companies.board.sideIntro')}</Text>
          <div id="company-side-board">
            <KanbanBoard
              {...boardProps}
              data-testid="company-side-board"
              label={t('companies.board.sideRegionLabel')}
              columns={side.map((column) => toColumn(column, !showSide))}
            />
          </div>
        </>
      ) : null}
      <Text size="sm">
        <Anchor component={Link} to="/tasks">
          {t('companies.board.toTasks')}
        </Anchor>
      </Text>
      <CompanyStageDialog
        target={moving?.target ?? null}
        initialStage={moving?.stage ?? null}
        onClose={() => setMoving(null)}
      />
    </Stack>
  );
}
