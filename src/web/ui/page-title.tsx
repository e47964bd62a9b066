import { Group, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let firstPage = true;

/** Props of {@link PageTitle}. */
export interface PageTitleProps {
  /** Visible page heading, also used for the document title. */
  title: string;
  /** Actions shown at the end of the heading row (e.g. a "create" button). */
  actions?: React.ReactNode;
}

/**
 * The one `<h1>` of a page. Sets `document.title` and, after client-side navigation (not on the first
 * load), moves focus to the heading so screen-reader users hear where they are.
 */
export function PageTitle({ title, actions }: PageTitleProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, []);

  return (
    <Group justify="space-between" align="center" mb="lg" wrap="wrap">
      <Title order={1} ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
        {title}
      </Title>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
