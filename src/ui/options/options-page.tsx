import { useMemo, useState } from 'preact/hooks';
import type { EffectiveSettings } from '../../core/policy.ts';
import { t } from '../../platform/i18n.ts';
import { ErrorBanner } from '../components/errors.tsx';
import { formatProblem } from '../components/problems.ts';
import { BrandSection, ManagedBrands } from './brand-sections.tsx';
import { DeleteEverything, StorageState } from './data-settings.tsx';
import { previewBrands, type BrandDraft } from './draft.ts';
import { DisplaySettings, ScanSettings } from './general-settings.tsx';
import { Onboarding, type OnboardingStep } from './onboarding.tsx';
import { ProfileShare } from './profile-share.tsx';
import { RecordingSettings } from './recording-settings.tsx';
import { SaveBar } from './save-bar.tsx';
import { Shortcuts } from './shortcuts.tsx';
import { SightingsOffer } from './sightings-offer.tsx';
import { StoredData } from './stored-data.tsx';
import { SyncSettings } from './sync-settings.tsx';
import { TryIt } from './try-it.tsx';
import { useOptions } from './use-options.ts';
import { FirstRunHints } from './first-run-hints.tsx';

/** The company's brands, as the settings in force hold them. */
const managedBrands = (effective: EffectiveSettings) =>
  effective.brands.filter((b) => effective.managed.brandIds.includes(b.id));

/**
 * The settings and onboarding page. The form edits a draft; nothing reaches
 * the tabs until Save, which sends the worker what changed. With `welcome`
 * (first run) it asks for the company and its products, then, as a step of
 * its own, for the competitors.
 */
export function OptionsPage({ welcome }: { welcome: boolean }) {
  const state = useOptions(welcome);
  const [step, setStep] = useState<OnboardingStep>('own');
  const { draft, reply } = state;
  const preview = useMemo(() => (draft ? previewBrands(draft) : []), [draft]);
  const tooNew = reply?.readOnly
    ? (reply.problems.find((p) => p.code === 'too-new') ?? null)
    : null;
  const effective = reply?.effective;

  const setBrand = (next: BrandDraft) =>
    state.change((d) => ({ brands: d.brands.map((b) => (b.key === next.key ? next : b)) }));
  const removeBrand = (key: number) =>
    state.change((d) => ({ brands: d.brands.filter((b) => b.key !== key) }));
  const submit = (event: Event) => {
    event.preventDefault();
    void state.save();
  };

  const brandSection = (role: BrandDraft['role']) =>
    draft &&
    effective && (
      <BrandSection
        role={role}
        brands={draft.brands}
        issues={state.issues}
        showAllIssues={state.showAllIssues}
        focusBrand={state.focusBrand}
        managed={effective.managed}
        onChange={setBrand}
        onRemove={removeBrand}
        onAdd={state.addBrand}
      />
    );
  const saveBar = (
    <SaveBar
      state={state.saveState}
      dirty={state.dirty}
      blocked={state.issues !== null && state.issues.brands.size + state.issues.sites.length > 0}
      problems={state.problems}
      readOnly={tooNew !== null}
    />
  );

  return (
    <main class="page options-page">
      <header class="page-header no-print">
        <img src="icons/icon-32.png" alt="" width={24} height={24} />
        <h1>{t('optionsTitle')}</h1>
        <nav>
          {!welcome && <a href="#stored">{t('storedTitle')}</a>}
          <a href="log.html">{t('openLog')}</a>
        </nav>
      </header>
      <ErrorBanner error={state.error} />
      {tooNew && (
        <p class="banner banner-warn" role="alert">
          {t('optionsSettingsTooNew', tooNew.params.version ?? '', tooNew.params.supported ?? '')}
        </p>
      )}
      {effective?.managed.active && <ManagedBanner effective={effective} />}
      {draft === null || !effective || !reply ? (
        !state.error && <p class="muted">{t('loading')}</p>
      ) : welcome ? (
        <form class="options-form" onSubmit={submit} noValidate>
          <Onboarding
            step={step}
            onStep={setStep}
            done={state.saveState === 'saved' && !state.dirty && draft.brands.length > 0}
            hints={
              <FirstRunHints saved={state.saveState === 'saved' && !state.dirty} draft={draft} />
            }
          >
            <ManagedBrands brands={managedBrands(effective)} />
            {brandSection(step === 'own' ? 'own' : 'competitor')}
          </Onboarding>
          {saveBar}
        </form>
      ) : (
        <>
          <form class="options-form no-print" onSubmit={submit} noValidate>
            <ManagedBrands brands={managedBrands(effective)} />
            {brandSection('own')}
            {brandSection('competitor')}
            <TryIt brands={preview} highlightStyle={draft.highlightStyle} />
            <DisplaySettings draft={draft} onChange={(patch) => state.change(() => patch)} />
            <ScanSettings
              draft={draft}
              onChange={(patch) => state.change(() => patch)}
              invalidSites={state.issues?.sites ?? null}
              managedSites={effective.managed.pausedSites}
            />
            <RecordingSettings
              draft={draft}
              effective={effective}
              onChange={(patch) => state.change(() => patch)}
            />
            {saveBar}
          </form>
          <div class="no-print">
            <SightingsOffer mode={effective.mode} version={reply} />
            <ProfileShare reply={reply} dirty={state.dirty} onImported={state.takeReply} />
            <section class="card" id="sync" aria-labelledby="sync-heading">
              <h2 id="sync-heading">{t('optionsSyncHeading')}</h2>
              <SyncSettings onChanged={state.takeReply} />
            </section>
            <section class="card" id="data" aria-labelledby="data-heading">
              <h2 id="data-heading">{t('optionsData')}</h2>
              <StorageState />
              <DeleteEverything managed={effective.managed.active} />
            </section>
          </div>
          <StoredData effective={effective} />
          <div class="no-print">
            <Shortcuts />
          </div>
        </>
      )}
    </main>
  );
}

/** Says that the company set some of this, and what in its policy could not be used. */
function ManagedBanner({ effective }: { effective: EffectiveSettings }) {
  const { problems } = effective.managed;
  return (
    <div class="banner banner-managed no-print">
      <p>{t('optionsManagedActive')}</p>
      {problems.length > 0 && (
        <details>
          <summary>{t('optionsPolicyProblems', problems.length)}</summary>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}-${p.code}`}>{formatProblem(p, t)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
