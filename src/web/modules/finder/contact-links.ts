/**
 * `tel:` link for a phone number as written on an office page ("Tel.: 0391 / 12 34-5" →
 * `tel:+49391123445`): the first number in the text, German national numbers turned international.
 * Null when the text holds no plausible number (fewer than 5 digits).
 */
export function telHref(phone: string): string | null {
  const match = /\+?[\d(][\d\s/().\-–]*\d/.exec(phone);
  if (!match) return null;
  const plus = match[0].startsWith('+');
  const digits = match[0].replace(/\D/g, '');
  if (digits.length < 5) return null;
  // "+49 (0)391 …": the bracketed trunk zero is not dialled from abroad.
  if (plus) return `tel:+${digits.replace(/^490/, '49')}`;
  if (digits.startsWith('00')) return `tel:+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `tel:+49${digits.slice(1)}`;
  return `tel:${digits}`;
}

/**
 * The e-mail address in `text`, with spam-guard spellings undone ("info(at)kausa.de",
 * "info [at] kausa.de" → "info@kausa.de"); null when there is none.
 */
export function emailAddress(text: string): string | null {
  const normalised = text
    .replace(/\s*[([{]\s*at\s*[)\]}]\s*/gi, '@')
    .replace(/\s*[([{]\s*dot\s*[)\]}]\s*/gi, '.');
  const match = /[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[a-z]{2,}/i.exec(normalised);
  return match ? match[0] : null;
}

/**
 * Link target and display text for a website as written ("www.kausa.de/" → href
 * `https://www.kausa.de/`, text `www.kausa.de`); null for text that is no web address.
 */
export function websiteLink(url: string): { href: string; text: string } | null {
  const value = url.trim();
  if (!value || /\s/.test(value)) return null;
  const href = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const parsed = new URL(href);
    if (!parsed.hostname.includes('.')) return null;
  } catch {
    return null;
  }
  const text = value.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return { href, text };
}
