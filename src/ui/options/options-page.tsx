import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Problem } from '../../core/problem.ts';
import type { NormalizedSettings } from '../../core/profile.ts';
import { callWorker } from '../../platform/messaging.ts';
import { describeFailure, ErrorBanner } from '../components/errors.tsx';
import { t } from '../../platform/i18n.ts';
import { BrandCard } from './brand-card.tsx';
import {
  draftFromSettings,
  emptyBrand,
  hasIssues,
  previewBrands,
  toSettingsDocument,
  validateDraft,
  type BrandDraft,
  type OptionsDraft,
} from './draft.ts';
import { DisplaySettings, ScanSettings } from './general-settings.tsx';
import { Shortcuts } from './shortcuts.tsx';
import { SaveBar, type SaveState } from './save-bar.tsx';
import { TryIt } from './try-it.tsx';
import { WelcomeBanner } from './welcome-banner.tsx';

/**
 * The settings and onboarding page. The form edits a draft; nothing reaches
 * the tabs until Save, when the worker stores it. With `welcome` (first run)
 * it greets the user and offers an empty brand to fill in.
 */
export function OptionsPage({ welcome }: { welcome: boolean }) {
  const [draft, setDraft] = useState<OptionsDraft | null>(null);
  /** The saved settings as `toSettingsDocument` writes them, to tell whether the draft has changes. */
  const [baseline, setBaseline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [problems, setProblems] = useState<Problem[]>([]);
  /** The `too-new` problem while the stored settings are newer than this version (nothing can be saved). */
  const [tooNew, setTooNew] = useState<Problem | null>(null);
  const [showAllIssues, setShowAllIssues] = useState(false);
  const [focusBrand, setFocusBrand] = useState<number | null>(null);
  const addBrandButton = useRef<HTMLButtonElement>(null);

  const adopt = (stored: NormalizedSettings, offerEmptyBrand: boolean) => {
    setTooNew(stored.readOnly ? (stored.problems.find((p) => p.code === 'too-new') ?? null) : null);
    const next = draftFromSettings(stored.settings);
    setBaseline(JSON.stringify(toSettingsDocument(next)));
    setFocusBrand(null);
    if (offerEmptyBrand && next.brands.length === 0) {
      const brand = emptyBrand([]);
      next.brands.push(brand);
      setFocusBrand(brand.key);
    }
    setDraft(next);
  };
  const load = (offerEmptyBrand: boolean) =>
    callWorker('settings/get', null)
      .then((stored) => adopt(stored, offerEmptyBrand))
      .catch((e: unknown) => setError(describeFailure(e)));

  const dirty = draft !== null && JSON.stringify(toSettingsDocument(draft)) !== baseline;
  const issues = useMemo(() => (draft ? validateDraft(draft) : null), [draft]);
  const preview = useMemo(() => (draft ? previewBrands(draft) : []), [draft]);

  // Settings may change elsewhere (the popup pauses a site); pick that up when
  // the user comes back to this tab, unless it would throw away their edits.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    void load(welcome);
    const onVisible = () => {
      if (document.visibilityState === 'visible' && !dirtyRef.current) void load(false);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const change = (update: (draft: OptionsDraft) => Partial<OptionsDraft>) =>
    setDraft((d) => d && { ...d, ...update(d) });
  const setBrand = (next: BrandDraft) =>
    change((d) => ({ brands: d.brands.map((b) => (b.key === next.key ? next : b)) }));
  const removeBrand = (key: number) => {
    change((d) => ({ brands: d.brands.filter((b) => b.key !== key) }));
    addBrandButton.current?.focus();
  };
  const addBrand = () => {
    if (!draft) return;
    const brand = emptyBrand(draft.brands);
    setFocusBrand(brand.key);
    change((d) => ({ brands: [...d.brands, brand] }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!draft || !issues) return;
    if (hasIssues(issues)) {
      setShowAllIssues(true);
      setSaveState('invalid');
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setSaveState('saving');
    setError(null);
    try {
      // Fields this page does not edit (set by a rollout, say) are kept as they are.
      const current = await callWorker('settings/get', null);
      const reply = await callWorker('settings/save', {
        settings: { ...current.settings, ...toSettingsDocument(draft) },
      });
      adopt(reply, false);
      setProblems(reply.problems);
      setShowAllIssues(false);
      setSaveState('saved');
    } catch (e) {
      setError(describeFailure(e));
      setSaveState('idle');
    }
  };

  return (
    <main class="page options-page">
      <header class="page-header">
        <img src="icons/icon-32.png" alt="" width={24} height={24} />
        <h1>{t('optionsTitle')}</h1>
        <nav>
          <a href="log.html">{t('openLog')}</a>
        </nav>
      </header>
      {welcome && <WelcomeBanner saved={saveState === 'saved' && !dirty} draft={draft} />}
      <ErrorBanner error={error} />
      {tooNew && (
        <p class="banner banner-warn" role="alert">
          {t('optionsSettingsTooNew', tooNew.params.version ?? '', tooNew.params.supported ?? '')}
        </p>
      )}
      {draft === null ? (
        !error && <p class="muted">{t('loading')}</p>
      ) : (
        <form class="options-form" onSubmit={(e) => void submit(e)} noValidate>
          <section aria-labelledby="brands-heading">
            <h2 id="brands-heading">{t('optionsBrands')}</h2>
            <p class="field-hint">{t('optionsBrandsIntro')}</p>
            {draft.brands.length === 0 && <p class="muted">{t('optionsNoBrands')}</p>}
            {draft.brands.map((brand) => (
              <BrandCard
                key={brand.key}
                brand={brand}
                issues={issues?.brands.get(brand.key)}
                showAllIssues={showAllIssues}
                focusName={brand.key === focusBrand}
                onChange={setBrand}
                onRemove={() => removeBrand(brand.key)}
              />
            ))}
            <button type="button" ref={addBrandButton} onClick={addBrand}>
              {t('optionsAddBrand')}
            </button>
          </section>

          <TryIt brands={preview} highlightStyle={draft.highlightStyle} />
          <DisplaySettings draft={draft} onChange={(patch) => change(() => patch)} />
          <ScanSettings
            draft={draft}
            onChange={(patch) => change(() => patch)}
            invalidSites={issues?.sites ?? null}
          />

          <SaveBar
            state={saveState}
            dirty={dirty}
            blocked={issues !== null && hasIssues(issues)}
            problems={problems}
            readOnly={tooNew !== null}
          />
        </form>
      )}
      <Shortcuts />
    </main>
  );
}
