import { render } from 'preact';
import { t, uiLanguage } from '../../platform/i18n.ts';
import { OptionsPage } from './options-page.tsx';

document.title = t('optionsTitle');
document.documentElement.lang = uiLanguage();
// options.html?welcome=1 is the first-run (onboarding) page.
const welcome = new URLSearchParams(location.search).get('welcome') === '1';
render(<OptionsPage welcome={welcome} />, document.getElementById('app') as HTMLElement);
