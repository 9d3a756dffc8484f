/**
 * The service worker (Chrome) / event page (Firefox).
 *
 * Chrome stops an idle worker at any moment
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle),
 * so every listener is registered synchronously right here, and nothing that
 * matters lives in module variables: settings are in storage.local, per-tab
 * counts in storage.session, the log in IndexedDB.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { forgetTab, initBadgeStyle } from './badge.ts';
import { listenForLogPorts } from './log-port.ts';
import { route } from './router.ts';
import { forgetTabSightings } from './sighting-gate.ts';
import { onCommand } from './commands.ts';
import { migrateStoredSettings, refreshStoredProfile } from './settings-store.ts';
import { SETTINGS_KEY } from '../core/profile.ts';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

browser.runtime.onInstalled.addListener((details) => {
  // Stored settings of an older version are written back in this one's shape.
  void migrateStoredSettings();
  if (details.reason === 'install') {
    // First run: onboarding asks for the company and its products.
    void browser.tabs.create({ url: browser.runtime.getURL('options.html?welcome=1') });
  }
});

listenForLogPorts();
browser.runtime.onStartup.addListener(() => void migrateStoredSettings());
// Settings written by anyone (a rollout, a script): compiled once here for every page.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SETTINGS_KEY in changes) void refreshStoredProfile();
});
browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void forgetTabSightings(tabId);
});
browser.commands.onCommand.addListener((command) => void onCommand(command));

void initBadgeStyle();
