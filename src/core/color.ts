/** Colour arithmetic for readable highlights (WCAG 2 relative luminance). */

function channel(hex: string, offset: number): number {
  const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The hit being revealed ("jump to hit"), over any brand colour. With white
 * text it read 2.82:1; readableTextColor gives black, 7.44:1.
 */
export const FOCUS_COLOR = '#ff6d00';

/** WCAG 2 AA: normal text 4.5:1; large text and UI components 3:1. */
export const AA_TEXT = 4.5;
export const AA_LARGE_OR_UI = 3;

/**
 * Black or white, whichever reads better on `background`. On any #rrggbb one
 * of the two reaches at least 4.58:1 (the worst background has a luminance
 * of about 0.18), so a highlight's text always meets AA.
 */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff')
    ? '#000000'
    : '#ffffff';
}
