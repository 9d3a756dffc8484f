/**
 * The extension's manifest warnings and runtime errors as Chromium's own
 * extensions page lists them, read through `chrome.developerPrivate`, the API
 * behind chrome://extensions (available to that page only). Errors are
 * collected only with developer mode on, and manifest warnings only when the
 * extension loads: `watch()` switches developer mode on and reloads the
 * extension, as a developer does who loads it unpacked. Nothing of this is
 * in the extension itself.
 */
import type { Page } from '@playwright/test';
import type { ChromiumDriver } from './chromium.ts';

/** One entry of chrome://extensions' "Errors" (the fields the tests look at). */
export interface ExtensionError {
  type: string;
  message: string;
  source?: string;
  contextUrl?: string;
  manifestKey?: string;
}

export interface ExtensionReport {
  manifestErrors: ExtensionError[];
  runtimeErrors: ExtensionError[];
  installWarnings: string[];
  runtimeWarnings: string[];
}

interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  updateExtensionConfiguration(update: {
    extensionId: string;
    errorCollection: boolean;
  }): Promise<void>;
  reload(id: string, options: { failQuietly: boolean }): Promise<void>;
  getExtensionInfo(id: string): Promise<ExtensionReport>;
}

export class ExtensionErrors {
  private constructor(
    private readonly page: Page,
    private readonly id: string,
  ) {}

  /**
   * Opens chrome://extensions, switches developer mode and error collection
   * on, reloads the extension and waits for its new service worker.
   */
  static async watch(driver: ChromiumDriver): Promise<ExtensionErrors> {
    const page = await driver.context.newPage();
    await page.goto('chrome://extensions/');
    const restarted = driver.context.waitForEvent('serviceworker');
    await page.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } })
        .chrome.developerPrivate;
      await api.updateProfileConfiguration({ inDeveloperMode: true });
      await api.updateExtensionConfiguration({ extensionId: id, errorCollection: true });
      await api.reload(id, { failQuietly: false });
    }, driver.id);
    await restarted;
    return new ExtensionErrors(page, driver.id);
  }

  read(): Promise<ExtensionReport> {
    return this.page.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } })
        .chrome.developerPrivate;
      const info = await api.getExtensionInfo(id);
      const brief = ({ type, message, source, contextUrl, manifestKey }: ExtensionError) => ({
        type,
        message,
        ...(source ? { source } : {}),
        ...(contextUrl ? { contextUrl } : {}),
        ...(manifestKey ? { manifestKey } : {}),
      });
      return {
        manifestErrors: info.manifestErrors.map(brief),
        runtimeErrors: info.runtimeErrors.map(brief),
        installWarnings: info.installWarnings,
        runtimeWarnings: info.runtimeWarnings,
      };
    }, this.id);
  }
}
