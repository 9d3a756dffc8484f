import { brandSearchUrl, firstOwnBrand } from '../../core/brand-search.ts';
import type { Brand } from '../../core/profile.ts';
import { t, uiLanguage, type MessageKey } from '../../platform/i18n.ts';

/**
 * What to do next where the popup has nothing to show: set up a brand when
 * there is none, else search for the first own brand.
 */
export function NextStep({ text, brands }: { text: MessageKey; brands: readonly Brand[] | null }) {
  if (brands === null) return null;
  const brand = firstOwnBrand(brands);
  if (brands.length === 0 || !brand)
    return (
      <p class="next-step" data-testid="next-step">
        {t('popupNoBrands')}{' '}
        <a class="button-link primary" href="options.html" target="_blank">
          {t('popupSetUp')}
        </a>
      </p>
    );
  return (
    <p class="next-step" data-testid="next-step">
      {t(text)}{' '}
      <a
        class="button-link"
        href={brandSearchUrl(brand.name, uiLanguage())}
        target="_blank"
        rel="noopener noreferrer"
      >
        {t('searchForBrand', brand.name)}
      </a>
    </p>
  );
}
