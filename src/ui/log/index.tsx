import { render } from 'preact';
import { t, uiLanguage } from '../../platform/i18n.ts';
import { ServicesContext } from './services.ts';
import { workerServices } from './worker-services.ts';
import { Workspace } from './workspace.tsx';

document.title = t('logTitle');
document.documentElement.lang = uiLanguage();
render(
  <ServicesContext.Provider value={workerServices()}>
    <Workspace />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
