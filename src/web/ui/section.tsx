import { Group, Paper, Title } from '@mantine/core';
import { useId } from 'react';

/** Props of {@link PageSection}. */
export interface PageSectionProps {
  /** The section's `<h2>`. */
  title: string;
  /** Buttons at the end of the heading row. */
  actions?: React.ReactNode;
  children: React.ReactNode;
  'data-testid'?: string;
}

/** A bordered `<section>` of a page, named by its `<h2>` heading, with optional actions beside the heading. */
export function PageSection({ title, actions, children, ...rest }: PageSectionProps) {
  const id = useId();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={id} data-testid={rest['data-testid']}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {actions ? <Group gap="xs">{actions}</Group> : null}
      </Group>
      {children}
    </Paper>
  );
}
