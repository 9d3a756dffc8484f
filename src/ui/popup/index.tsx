import { render } from 'preact';
import { Popup, resolveTabId } from './popup.tsx';
import { t } from '../../platform/i18n.ts';

document.title = t('extName');
document.documentElement.lang = navigator.language;
void resolveTabId().then((tabId) =>
  render(<Popup tabId={tabId} />, document.getElementById('app') as HTMLElement),
);
