import type { ReactNode } from 'react';
import type { TProfileForm } from '../../../../contracts/self-service';

/** A form text as a node: marked as German when the form's language lacks it. */
export type TTextNode = (key: string) => ReactNode;

/**
 * The form's texts as nodes: a text the chosen language lacks comes in German (listed in the
 * form's `fallbackKeys`) and is wrapped in `<span lang="de">` so screen readers switch to a German
 * voice for it (WCAG 3.1.2, language of parts); in a right-to-left form it is also isolated as
 * left-to-right. Other texts are returned as plain strings. Unknown keys show the key.
 */
export function fallbackText(form: Pick<TProfileForm, 'texts' | 'fallbackKeys' | 'dir'>): TTextNode {
  const fallback = new Set(form.fallbackKeys);
  return (key) => {
    const text = form.texts[key] ?? key;
    if (!fallback.has(key)) return text;
    return (
      <span lang="de" dir={form.dir === 'rtl' ? 'ltr' : undefined}>
        {text}
      </span>
    );
  };
}
