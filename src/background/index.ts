/**
 * The service worker (Chrome) / event page (Firefox).
 *
 * Chrome stops an idle worker at any moment, so every listener is registered
 * synchronously right here, and nothing that matters lives in module
 * variables: settings are in storage.local, per-tab counts in storage.session,
 * the log in IndexedDB.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { forgetTab, initBadgeStyle } from './badge.ts';
import { route } from './router.ts';
import { onCommand } from './commands.ts';
import { readSettings } from './settings-store.ts';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

browser.runtime.onInstalled.addListener((details) => {
  // After an update, stored settings of an older version are migrated and written back now.
  void readSettings();
  if (details.reason === 'install') {
    // First run: onboarding asks for the company and its products.
    void browser.tabs.create({ url: browser.runtime.getURL('options.html?welcome=1') });
  }
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
browser.commands.onCommand.addListener((command) => void onCommand(command));

void initBadgeStyle();
