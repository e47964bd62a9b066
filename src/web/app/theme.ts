import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Mantine theme. Shades are chosen for WCAG 2.1 AA contrast (≥ 4.5:1 on white): primary blue-9,
 * and the default grey "dimmed" (gray-6, 3.3:1) and red error (red-6, 3.3:1) darkened.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 9, dark: 8 },
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
});

/** Overrides Mantine's default text colours that fail AA contrast in the light scheme. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
  },
  dark: {},
});
