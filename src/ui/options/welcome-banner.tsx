import { brandSearchUrl, firstOwnBrand } from '../../core/brand-search.ts';
import { t, uiLanguage } from '../../platform/i18n.ts';
import type { OptionsDraft } from './draft.ts';

/**
 * The first-run greeting: what to do, where the toolbar icon is, and once a
 * brand is saved one button that searches for it (the first own brand), so
 * the user sees the highlights at once.
 */
export function WelcomeBanner({ saved, draft }: { saved: boolean; draft: OptionsDraft | null }) {
  const brand = saved ? firstOwnBrand(draft?.brands ?? []) : undefined;
  return (
    <div class="banner banner-welcome">
      <p>
        <strong>{t('optionsWelcomeTitle')}</strong>{' '}
        {brand ? t('optionsWelcomeDone') : t('optionsWelcomeText')}
      </p>
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
    </div>
  );
}
