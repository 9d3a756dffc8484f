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
import { forgetTabSightings } from './sighting-gate.ts';
import { onCommand } from './commands.ts';
import { route } from './router.ts';
import { currentPolicy } from './policy-mirror.ts';
import { migrateStoredSettings } from './settings-store.ts';
import { atStartUp, onAlarm, onStorageChanged } from './upkeep.ts';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

browser.runtime.onInstalled.addListener((details) => {
  // Stored settings of an older version are written back in this one's shape.
  void migrateStoredSettings();
  void atStartUp();
  if (details.reason === 'install') {
    // First run: onboarding asks for the company and its products.
    void browser.tabs.create({ url: browser.runtime.getURL('options.html?welcome=1') });
  }
});

listenForLogPorts();
browser.runtime.onStartup.addListener(() => {
  void migrateStoredSettings();
  void atStartUp();
});
browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void forgetTabSightings(tabId);
});
browser.commands.onCommand.addListener((command) => void onCommand(command));
browser.alarms.onAlarm.addListener((alarm) => onAlarm(alarm.name));
browser.storage.onChanged.addListener((changes, area) => onStorageChanged(changes, area));

void initBadgeStyle();
// Without a copy of the policy yet (just installed), start reading it now:
// the works-council gate waits for it, and Chromium takes seconds to answer.
void currentPolicy();
