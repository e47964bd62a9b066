import { Anchor, Badge, Box, Breadcrumbs, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TKldbNode } from '../../../../contracts/reference';
import { useFormatters } from '../../../lib/format';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { QueryError } from '../../../ui/status';
import { useKldbChildren } from '../api';
import { kldbAncestry } from '../occupation-filters';

/** Props of {@link KldbBrowser}. */
export interface KldbBrowserProps {
  /** Selected KldB code (1–3 digits) or null for "all areas". */
  selected: string | null;
  /** Called with the chosen code (null = back to all areas). */
  onSelect: (code: string | null) => void;
}

/** Deepest level the browser opens: KldB groups (3 digits); below them come the occupations. */
const DEEPEST_LEVEL = 3;

/**
 * Browsing by KldB 2010: the 10 occupational areas → main groups → groups, each with the number of
 * recognised occupations filed beneath it. Choosing a node filters the list of occupations; a path
 * ("Alle Berufsbereiche › 2 … › 25 …") leads back up. Focus moves to the list heading after a choice.
 */
export function KldbBrowser({ selected, onSelect }: KldbBrowserProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const listParent = selected && selected.length >= DEEPEST_LEVEL ? selected.slice(0, -1) : selected;
  const ancestry = kldbAncestry(selected);
  // The lists holding the titles along the path (cached, shared with the list below).
  const areas = useKldbChildren(null);
  const mainGroups = useKldbChildren(ancestry[0] ?? null, ancestry.length >= 2);
  const groups = useKldbChildren(ancestry[1] ?? null, ancestry.length >= 3);
  const children = useKldbChildren(listParent);
  const known = new Map<string, TKldbNode>(
    [...(areas.data ?? []), ...(mainGroups.data ?? []), ...(groups.data ?? [])].map((n) => [n.code, n]),
  );
  const titleOf = (code: string) => {
    const node = known.get(code);
    return node ? `${node.code} ${node.title}` : code;
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each new selection, by design.
  useEffect(() => {
    // Only after a choice made here, not when a search elsewhere clears the selection.
    if (!moved.current) return;
    moved.current = false;
    headingRef.current?.focus();
  }, [selected]);
  const choose = (code: string | null) => {
    moved.current = true;
    onSelect(code);
  };

  const parentCode = listParent ?? null;
  const heading = !parentCode
    ? t('occupations.kldb.areas')
    : t(parentCode.length === 1 ? 'occupations.kldb.mainGroupsIn' : 'occupations.kldb.groupsIn', {
        title: titleOf(parentCode),
      });

  return (
    <Stack gap="sm" data-testid="kldb-browser">
      {ancestry.length > 0 ? (
        <Box component="nav" aria-label={t('occupations.kldb.path')}>
          <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
            <Anchor component="button" type="button" size="sm" onClick={() => choose(null)}>
              {t('occupations.kldb.allAreas')}
            </Anchor>
            {ancestry.map((code) =>
              code === selected ? (
                <Text key={code} size="sm" fw={600} aria-current="true">
                  {titleOf(code)}
                </Text>
              ) : (
                <Anchor key={code} component="button" type="button" size="sm" onClick={() => choose(code)}>
                  {titleOf(code)}
                </Anchor>
              ),
            )}
          </Breadcrumbs>
        </Box>
      ) : null}
      <Title order={3} size="h5" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
        {heading}
      </Title>
      {children.isPending ? <Skeleton height={160} aria-hidden="true" /> : null}
      {children.isError ? (
        <QueryError error={children.error} onRetry={() => void children.refetch()} />
      ) : null}
      {children.data ? (
        <ul className="kausa-nav-list">
          {children.data.map((node) => {
            const count = t('occupations.count', {
              count: node.occupationCount,
              formatted: format.number(node.occupationCount),
            });
            return (
              <li key={node.code}>
                {node.occupationCount > 0 ? (
                  <Button
                    variant={node.code === selected ? 'filled' : 'subtle'}
                    style={node.code === selected ? undefined : QUIET_BUTTON_STYLE}
                    aria-pressed={node.code === selected}
                    fullWidth
                    justify="space-between"
                    h="auto"
                    py={6}
                    styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
                    rightSection={
                      <Badge variant="light" color="gray" tt="none">
                        {count}
                      </Badge>
                    }
                    onClick={() => choose(node.code)}
                  >
                    {node.code} {node.title}
                  </Button>
                ) : (
                  <Group justify="space-between" wrap="nowrap" px="md" py={6}>
                    <Text size="sm">
                      {node.code} {node.title}
                    </Text>
                    <Badge variant="light" color="gray" tt="none">
                      {count}
                    </Badge>
                  </Group>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Stack>
  );
}
