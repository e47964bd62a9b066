import type { CSSProperties } from 'react';

/**
 * `style` for `subtle` and `light` Buttons in the primary colour. With primary shade 9 Mantine hovers
 * them with blue-2, on which the blue-9 text reaches only 4.0:1; blue-0 keeps it above 4.5:1 (WCAG 1.4.3).
 */
export const QUIET_BUTTON_STYLE = { '--button-hover': 'var(--mantine-color-blue-0)' } as CSSProperties;
