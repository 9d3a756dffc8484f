import type { ComponentChildren } from 'preact';
import { t } from '../../platform/i18n.ts';

export type OnboardingStep = 'own' | 'competitor';

/**
 * First run (options.html?welcome=1), in two steps: the company and its
 * products, then the competitors. Save stores what is entered at either
 * step; the competitors can be skipped.
 */
export function Onboarding(props: {
  step: OnboardingStep;
  onStep: (step: OnboardingStep) => void;
  /** Saved, with at least one brand. */
  done: boolean;
  /** What to do next (search for the brand, pin the icon), in the greeting. */
  hints?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { step } = props;
  return (
    <>
      <div class="banner banner-welcome">
        <p>
          <strong>{t('optionsWelcomeTitle')}</strong>{' '}
          {props.done
            ? t(step === 'own' ? 'optionsWelcomeSavedOwn' : 'optionsWelcomeDone')
            : t(step === 'own' ? 'optionsWelcomeText' : 'optionsWelcomeCompetitors')}
        </p>
        {props.hints}
      </div>
      <ol class="steps" aria-label={t('optionsSteps')}>
        <li aria-current={step === 'own' ? 'step' : undefined}>{t('optionsStepOwn')}</li>
        <li aria-current={step === 'competitor' ? 'step' : undefined}>
          {t('optionsStepCompetitors')}
        </li>
      </ol>
      {props.children}
      <div class="step-nav">
        {step === 'own' ? (
          <button type="button" onClick={() => props.onStep('competitor')}>
            {t('optionsNextCompetitors')}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => props.onStep('own')}>
              {t('optionsBackOwn')}
            </button>
            {props.done && <a href="options.html">{t('optionsAllSettings')}</a>}
          </>
        )}
      </div>
    </>
  );
}
