import { createTheme, type CSSVariablesResolver, type MantineColor } from '@mantine/core';
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/** The platform's Mantine theme; an app may pick its own primary colour. */
export function platformTheme(primaryColor: MantineColor = 'blue') {
  return createTheme({
    primaryColor,
    // Darker shades than Mantine's default 6, so white text on filled buttons and coloured text on
    // white meet WCAG AA contrast (checked by axe-core in the browser tests).
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: 'md',
    fontFamily:
      'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", sans-serif',
    headings: { fontWeight: '700' },
  });
}

/**
 * Contrast: Mantine's dimmed and placeholder greys and the text colours of light badges and buttons
 * fall below WCAG AA (4.5:1) for small text, on white and on their own tinted backgrounds (axe-core
 * checks this in the browser tests). Darker shades of the same hues; where Mantine's darkest shade
 * is still too light on its tint (teal, orange, yellow), a darker hex of that hue.
 */
const LIGHT_TEXT: Record<string, string> = {
  blue: 'var(--mantine-color-blue-9)',
  indigo: 'var(--mantine-color-indigo-9)',
  violet: 'var(--mantine-color-violet-9)',
  red: '#a51d1d', // red-9 falls under 4.5:1 on a light-red badge over a striped row
  gray: 'var(--mantine-color-gray-8)',
  teal: '#06644a',
  green: '#1f5f1f',
  orange: '#a33a0c',
  yellow: '#7a4a00',
  grape: 'var(--mantine-color-grape-9)',
};
export const contrastVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    ...Object.fromEntries(Object.entries(LIGHT_TEXT).map(([c, v]) => [`--mantine-color-${c}-light-color`, v])),
    ...Object.fromEntries(Object.entries(LIGHT_TEXT).map(([c, v]) => [`--mantine-color-${c}-text`, v])),
  },
  dark: {},
});

/** TanStack Query as every app uses it: a 4xx is final, a network hiccup or a 5xx is tried again. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: true,
        staleTime: 5_000,
      },
    },
  });
}
