import { Group, Text, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';

/** One column of a {@link KanbanBoard}. */
export interface TKanbanColumn<T> {
  /** Stable id (e.g. the stage); handed to `onDropItem` and used in `data-testid="board-column-<id>"`. */
  id: string;
  /** The column's `<h2>`. */
  title: string;
  /** Count shown beside the title ("3 Fälle"). */
  countText: string;
  items: readonly T[];
  /** Shown under the cards (e.g. "50 of 120 shown") or, when `items` is empty, instead of `emptyText`. */
  note?: ReactNode;
}

/** Props of {@link KanbanBoard}. */
export interface KanbanBoardProps<T> {
  columns: readonly TKanbanColumn<T>[];
  /** Accessible name of the board region ("Fälle nach Phase"). */
  label: string;
  /** Text of a column without cards. */
  emptyText: string;
  /**
   * MIME type the drag carries (`text/x-kausa-case`): only drags of this type are accepted, so two
   * boards of the same kind on one page (a pipeline and a side strip) can exchange cards.
   */
  dragType: string;
  /** Id of a card (what the drag carries). */
  itemId: (item: T) => string;
  /** The card. Its own menu must offer the same moves: dragging is the mouse-only way. */
  renderItem: (item: T) => ReactNode;
  /** A card with id `itemId` was dropped on column `columnId` (also its own column: ignore that). */
  onDropItem: (itemId: string, columnId: string) => void;
  'data-testid'?: string;
}

/**
 * A kanban board: one `<section>` per column, named by its `<h2>`, cards in a list, in a region that
 * scrolls sideways and is focusable (WCAG 2.1.1). Cards are dragged with native HTML5 drag and drop
 * onto a column, which is outlined while a card hovers over it. Dragging is for the mouse only: every
 * card must also offer its moves by keyboard (a "Verschieben nach …" menu).
 */
export function KanbanBoard<T>({
  columns,
  label,
  emptyText,
  dragType,
  itemId,
  renderItem,
  onDropItem,
  ...rest
}: KanbanBoardProps<T>) {
  const prefix = useId();
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  return (
    <section
      className="kausa-board"
      data-testid={rest['data-testid']}
      // A region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1), also without cards.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region, focusable so arrow keys scroll it.
      tabIndex={0}
      aria-label={label}
    >
      {columns.map((column) => {
        const headingId = `${prefix}-column-${column.id}`;
        return (
          <section
            key={column.id}
            className="kausa-board-column"
            aria-labelledby={headingId}
            data-testid={`board-column-${column.id}`}
            data-drop-target={dropTarget === column.id}
            onDragOver={(event) => {
              if (event.dataTransfer.types.includes(dragType)) {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                setDropTarget(column.id);
              }
            }}
            onDragLeave={(event) => {
              // Moving over a card inside the column fires dragleave on the column: keep the outline then.
              if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
              setDropTarget((current) => (current === column.id ? null : current));
            }}
            onDrop={(event) => {
              const id = event.dataTransfer.getData(dragType);
              setDropTarget(null);
              if (!id) return;
              event.preventDefault();
              onDropItem(id, column.id);
            }}
          >
            <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
              <Title order={2} size="h5" id={headingId}>
                {column.title}
              </Title>
              <Text size="xs" data-testid="column-count">
                {column.countText}
              </Text>
            </Group>
            {column.items.length === 0 ? (
              <Text size="xs">{column.note ?? emptyText}</Text>
            ) : (
              <>
                <ul>
                  {column.items.map((item) => {
                    const id = itemId(item);
                    return (
                      <li
                        key={id}
                        draggable
                        style={{ cursor: 'grab' }}
                        onDragStart={(event) => {
                          event.dataTransfer.setData(dragType, id);
                          event.dataTransfer.effectAllowed = 'move';
                        }}
                        onDragEnd={() => setDropTarget(null)}
                      >
                        {renderItem(item)}
                      </li>
                    );
                  })}
                </ul>
                {column.note ? (
                  <Text size="xs" mt="xs">
                    {column.note}
                  </Text>
                ) : null}
              </>
            )}
          </section>
        );
      })}
    </section>
  );
}
