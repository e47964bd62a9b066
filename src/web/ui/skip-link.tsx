import { useTranslation } from 'react-i18next';

/**
 * "Zum Inhalt springen": the first focusable element of every page. A plain fragment link: the browser
 * scrolls to `<main id="main" tabindex="-1">` and moves focus there.
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main" className="kausa-skip-link">
      {t('app.skipToContent')}
    </a>
  );
}
