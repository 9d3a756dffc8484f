import { render } from 'preact';
import { t, uiLanguage } from '../../platform/i18n.ts';
import { LogPage } from './log-page.tsx';

document.title = t('logTitle');
document.documentElement.lang = uiLanguage();
render(<LogPage />, document.getElementById('app') as HTMLElement);
