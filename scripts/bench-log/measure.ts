// The measurements of the log bench, each run in the extension page that
// page-entry.ts set up; times are taken in the page (performance.now), so
// they include the message round trip to the worker.
import type { BrowserContext, Page } from '@playwright/test';
import { measureExchange } from './measure-exchange.ts';
import { measureMentions } from './measure-mentions.ts';
import { measureSightings } from './measure-sightings.ts';

export interface Measurement {
  group: string;
  name: string;
  /** Median of the runs, ms. */
  ms: number;
  runs: number[];
  /** The goal it must stay under, ms (issue 11/12). */
  goal?: number;
  note?: string;
}

export interface Results {
  measurements: Measurement[];
  userAgent: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Adds a measurement (its median is taken here) and says it on stderr. */
export type Add = (m: Omit<Measurement, 'ms'>) => void;

export async function measure(context: BrowserContext, page: Page): Promise<Results> {
  const out: Measurement[] = [];
  const add: Add = (m) => {
    const entry = { ...m, ms: median(m.runs) };
    out.push(entry);
    process.stderr.write(`${m.group} / ${m.name}: ${entry.ms.toFixed(0)} ms\n`);
  };
  const userAgent = await page.evaluate(() => navigator.userAgent);

  // The worker as Chrome leaves it when idle: stopped (it starts on the first message).
  const internals = await context.newPage();
  await internals.goto('chrome://serviceworker-internals/');
  await internals.getByRole('button', { name: 'Stop' }).first().click();
  await internals
    .locator('.serviceworker-running-status .value', { hasText: 'STOPPED' })
    .first()
    .waitFor();
  await internals.close();
  await measureMentions(page, add);
  await measureSightings(page, add);
  await measureExchange(page, add);
  return { measurements: out, userAgent };
}
