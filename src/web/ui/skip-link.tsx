import { useTranslation } from 'react-i18next';

/**
 * "Zum Inhalt springen": the first focusable element of every page; moves focus to `<main id="main">`.
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className="kausa-skip-link"
      onClick={(event) => {
        const main = document.getElementById('main');
        if (!main) return;
        event.preventDefault();
        main.focus();
        main.scrollIntoView();
      }}
    >
      {t('app.skipToContent')}
    </a>
  );
}
