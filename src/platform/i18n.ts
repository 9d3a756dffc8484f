/**
 * Text a user sees, in English and German (src/_locales/<lang>/*.json, merged
 * into messages.json by the build). Keys are typed from the English files.
 */
import { extensionApi } from './extension-api.ts';
import { engineName } from '../core/engines.ts';
import type common from '../_locales/en/common.json';
import type popup from '../_locales/en/popup.json';
import type options from '../_locales/en/options.json';
import type log from '../_locales/en/log.json';
import type report from '../_locales/en/report.json';
import type content from '../_locales/en/content.json';

export type MessageKey =
  | keyof typeof common
  | keyof typeof popup
  | keyof typeof options
  | keyof typeof log
  | keyof typeof report
  | keyof typeof content;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return extensionApi().i18n.getMessage(key, substitutions.map(String)) || key;
}

/** The UI language, for dates and numbers. */
export const uiLanguage = (): string => extensionApi().i18n.getUILanguage();

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** A search engine as the user reads it: its name, or "another search engine" (core/engines.ts). */
export function engineLabel(id: string): string {
  return engineName(id) ?? t('engineOther');
}
