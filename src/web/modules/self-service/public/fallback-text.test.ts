import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fallbackText } from './fallback-text';

const html = (node: React.ReactNode) => renderToStaticMarkup(createElement('p', null, node));

describe('fallback texts', () => {
  const texts = { title: 'ملفي', 'uploads.hint': 'Freiwillig. Nur Bilder oder PDF.' };

  it('marks texts that fell back to German with lang="de" (isolated left-to-right in RTL forms)', () => {
    const tl = fallbackText({ texts, fallbackKeys: ['uploads.hint'], dir: 'rtl' });
    expect(tl('title')).toBe('ملفي');
    expect(html(tl('uploads.hint'))).toBe(
      '<p><span lang="de" dir="ltr">Freiwillig. Nur Bilder oder PDF.</span></p>',
    );
  });

  it('adds no direction in left-to-right forms and shows unknown keys as they are', () => {
    const tl = fallbackText({ texts, fallbackKeys: ['uploads.hint'], dir: 'ltr' });
    expect(html(tl('uploads.hint'))).toBe('<p><span lang="de">Freiwillig. Nur Bilder oder PDF.</span></p>');
    expect(tl('nope')).toBe('nope');
  });
});
