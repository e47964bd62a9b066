import { type CSSVariablesResolver, createTheme, Input, Menu, NavLink, Popover } from '@mantine/core';

/**
 * Mantine theme. Shades are chosen for WCAG 2.1 AA contrast (≥ 4.5:1 on white): primary blue-9,
 * and the default grey "dimmed" (gray-6, 3.3:1) and red error (red-6, 3.3:1) darkened.
 * Required fields keep the `required` attribute but show no asterisk: optional fields say "(optional)"
 * in their label instead (GOV.UK pattern), so labels read exactly as written ("Passwort", not "Passwort *").
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 9, dark: 8 },
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
  components: {
    InputWrapper: Input.Wrapper.extend({ defaultProps: { withAsterisk: false } }),
    // Filled active entry: white on blue-9 keeps 6:1 also while hovered (the light variant drops below 4.5:1).
    NavLink: NavLink.extend({ defaultProps: { variant: 'filled' } }),
    // Popups appear at once: contrast checks right after opening must not see a half-faded menu.
    Menu: Menu.extend({ defaultProps: { transitionProps: { duration: 0 } } }),
    Popover: Popover.extend({ defaultProps: { transitionProps: { duration: 0 } } }),
  },
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
