/**
 * Launches Debian's Chromium with the built extension loaded. Shared by the
 * e2e fixtures and `npm start`.
 */
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Flags for Debian's Chromium here: no sandbox (root), and none of the
 * background connections this machine's closed network would refuse.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const EXTENSION_DIR = resolve(fileURLToPath(import.meta.url), '../../dist/chrome');

export interface ChromiumLaunchOptions {
  headless?: boolean;
  lang?: string;
  extensionDir?: string;
  /** More command-line switches (a test's `--log-net-log=<file>`). */
  args?: string[];
  /** prefers-color-scheme of every page, extension pages included. */
  colorScheme?: 'light' | 'dark';
  /** A profile folder kept between launches (a test of what survives a restart); a fresh one if absent. */
  userDataDir?: string;
}

export async function launchChromiumWithExtension(options: ChromiumLaunchOptions = {}): Promise<{
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(resolve(extensionDir, 'manifest.json')))
    throw new Error(`${extensionDir} is missing: run \`npm run build\` first.`);
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    locale: options.lang ?? 'en-US',
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_ARGS,
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

/** The minimal settings document of the README, plus a second brand. */
export const DEMO_SETTINGS = {
  brands: [
    {
      name: 'Müller Werkzeugbau',
      color: '#ffd54f',
      terms: ['Müller Werkzeugbau', 'RoboDrill 3000'],
      exclude: ['Müller Werkzeugbau Museum'],
    },
    { name: 'ACME', color: '#4fc3f7', terms: ['ACME'], exclude: ['ACME Looney'] },
  ],
};

/** What the demo results page (assets/demo/results.html) lights up with DEMO_SETTINGS, per highlight, sorted. */
export const DEMO_PAGE_HITS = {
  'markenlotse-0': [
    // The displayed address of the first result names the company too.
    'mueller-werkzeugbau',
    'Müller Werkzeugbau GmbH',
    'Müller Werkzeugbau GmbH',
    'RoboDrill 3000',
    'MUELLER WERKZEUGBAU',
    'RoboDrill 3000',
    'Müller-Werkzeugbau',
    'müller werkzeugbau',
  ].sort(),
  'markenlotse-1': ['ACME'],
};
