/** The languages of the store listing, and the words on the promo tile (store/listing-*.md hold the rest). */
export const STORE_LANGS = ['en', 'de'] as const;
export type StoreLang = (typeof STORE_LANGS)[number];

/** HTML the script writes itself, no user text: the <mark> shows a highlight. */
export const PROMO_TEXT: Record<StoreLang, string> = {
  en: 'Your company’s names <mark>light up</mark> on every page. Log what the web says, privately.',
  de: 'Die Namen Ihrer Firma <mark>leuchten</mark> auf jeder Seite auf. Erwähnungen erfassen, privat.',
};
