import { useEffect, useState } from 'preact/hooks';
import browser, { type Commands } from 'webextension-polyfill';
import { t } from '../../platform/i18n.ts';

/** The extension's keyboard shortcuts as the browser has them, and where to change them. */
export function Shortcuts() {
  const [commands, setCommands] = useState<Commands.Command[] | null>(null);
  useEffect(() => {
    browser.commands
      .getAll()
      .then(setCommands)
      .catch(() => setCommands([]));
  }, []);
  // Firefox pages run under moz-extension://. The two browsers change shortcuts in different
  // places: Firefox in "Manage Extension Shortcuts", Chrome at chrome://extensions/shortcuts
  // (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/commands/openShortcutSettings).
  const firefox = browser.runtime.getURL('').startsWith('moz-extension:');
  return (
    <section class="card" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('optionsShortcuts')}</h2>
      {commands === null ? (
        <p class="muted">{t('loading')}</p>
      ) : commands.length === 0 ? (
        <p class="muted">{t('optionsNoShortcuts')}</p>
      ) : (
        <table class="shortcuts">
          <thead>
            <tr>
              <th scope="col">{t('optionsShortcutAction')}</th>
              <th scope="col">{t('optionsShortcutKeys')}</th>
            </tr>
          </thead>
          <tbody>
            {commands.map((command) => (
              <tr key={command.name}>
                <td>{describe(command)}</td>
                <td>
                  {command.shortcut ? (
                    <kbd>{command.shortcut}</kbd>
                  ) : (
                    <span class="muted">{t('optionsShortcutNotSet')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="field-hint">{t(firefox ? 'optionsShortcutsFirefox' : 'optionsShortcutsChrome')}</p>
    </section>
  );
}

/** What a command does, in the user's words; never its internal name ("next-hit", "_execute_action"). */
function describe(command: Commands.Command): string {
  // The toolbar button's own command has no description of ours.
  if (command.name === '_execute_action' || command.name === '_execute_browser_action')
    return t('optionsCommandOpenPanel');
  return command.description || t('optionsCommandUnnamed');
}
