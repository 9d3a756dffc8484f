import { brandSearchUrl, firstOwnBrand } from '../../core/brand-search.ts';
import { t, uiLanguage } from '../../platform/i18n.ts';
import type { OptionsDraft } from './draft.ts';

/**
 * The first run's next steps, under the onboarding's greeting: once a brand
 * is saved one button that searches for it (the first own brand), so the
 * user sees the highlights at once, and where the toolbar icon is.
 */
export function FirstRunHints({ saved, draft }: { saved: boolean; draft: OptionsDraft | null }) {
  const brand = saved ? firstOwnBrand(draft?.brands ?? []) : undefined;
  return (
    <>
      {brand && (
        <p class="welcome-next">
          {t('optionsSearchNext')}{' '}
          <a
            class="button-link primary"
            href={brandSearchUrl(brand.name, uiLanguage())}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('searchForBrand', brand.name.trim())}
          </a>
        </p>
      )}
      <p class="pin-hint">
        {__BROWSER__ === 'firefox' ? t('optionsPinHintFirefox') : t('optionsPinHint')}
      </p>
    </>
  );
}
