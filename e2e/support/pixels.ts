/** Checks on screenshots: is a colour really on screen? (Both Playwright and puppeteer give PNGs.) */
import { PNG } from 'pngjs';

/** Share of the pixels within a small distance of a colour. */
export function shareOfColour(png: Buffer, [r, g, b]: [number, number, number]): number {
  const image = PNG.sync.read(png);
  let near = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const d =
      Math.abs((image.data[i] ?? 0) - r) +
      Math.abs((image.data[i + 1] ?? 0) - g) +
      Math.abs((image.data[i + 2] ?? 0) - b);
    if (d < 90) near++;
  }
  return near / (image.width * image.height);
}

/**
 * Runs in the page: the box of the text of the first <p> in `selector` (or in
 * its open shadow root), for a screenshot clip of just the word.
 */
export function textBoxInPage(
  selector: string,
): { x: number; y: number; width: number; height: number } | null {
  const el = document.querySelector(selector);
  const text = (el?.shadowRoot ?? el)?.querySelector('p')?.firstChild ?? el?.firstChild;
  if (!text) return null;
  const range = document.createRange();
  range.selectNodeContents(text);
  const r = range.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}
