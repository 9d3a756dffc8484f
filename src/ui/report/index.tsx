import { render } from 'preact';
import { t, uiLanguage } from '../../platform/i18n.ts';
import { ServicesContext } from '../log/services.ts';
import { workerServices } from '../log/worker-services.ts';
import { ReportPage } from './report-page.tsx';

document.title = t('reportTitle');
document.documentElement.lang = uiLanguage();
render(
  <ServicesContext.Provider value={workerServices()}>
    <ReportPage />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
