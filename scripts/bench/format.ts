// How numbers are written in docs/bench.md.
import { MARKJS_CAP_MS } from './config.ts';
import type { MarkjsCell } from './results.ts';

export const ms = (value: number): string =>
  !Number.isFinite(value)
    ? '–'
    : value >= 100
      ? value.toFixed(0)
      : value >= 10
        ? value.toFixed(1)
        : value.toFixed(2);
export const ratio = (value: number): string =>
  !Number.isFinite(value) ? '–' : value >= 10 ? value.toFixed(0) : value.toFixed(1);
export const thousands = (n: number): string => n.toLocaleString('en-US');
export const percent = (share: number): string =>
  !Number.isFinite(share) ? '–' : `${(share * 100).toFixed(1)} %`;
export const pageName = (file: string): string => file.replace(/\.html$/, '');

export function markjsText(cell: MarkjsCell | undefined): string {
  if (!cell) return '–';
  if (cell.error !== undefined) return `failed: ${cell.error.slice(0, 60)}`;
  if (cell.skipped) return `> ${MARKJS_CAP_MS / 1000} s (not run)`;
  if (cell.capped) return `> ${MARKJS_CAP_MS / 1000} s (stopped; ${ms(cell.cpuMs)} CPU ms used)`;
  return ms(cell.cpuMs);
}
