/**
 * The options page's state: the settings as loaded, the draft being edited,
 * and Save, which sends only the operations that turn the loaded settings
 * into the draft (settings-changes.ts), so that a change made elsewhere in
 * the meantime (a popup pausing a site) is kept.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SettingsReply } from '../../core/messages.ts';
import type { Problem } from '../../core/problem.ts';
import type { Settings } from '../../core/profile.ts';
import { watchSettingsInForce } from '../../platform/effective-settings.ts';
import { callWorker } from '../../platform/messaging.ts';
import { describeFailure } from '../components/errors.tsx';
import {
  draftFromSettings,
  emptyBrand,
  hasIssues,
  validateDraft,
  type BrandDraft,
  type DraftIssues,
  type OptionsDraft,
} from './draft.ts';
import type { SaveState } from './save-bar.tsx';
import { settingsChanges } from './settings-changes.ts';

export interface OptionsState {
  reply: SettingsReply | null;
  draft: OptionsDraft | null;
  dirty: boolean;
  issues: DraftIssues | null;
  error: string | null;
  saveState: SaveState;
  /** What the worker adjusted on the last save. */
  problems: Problem[];
  showAllIssues: boolean;
  /** The brand card whose name field takes the focus when it appears. */
  focusBrand: number | null;
  change: (update: (draft: OptionsDraft) => Partial<OptionsDraft>) => void;
  addBrand: (role: BrandDraft['role']) => void;
  save: () => Promise<boolean>;
  /**
   * Takes a reply of the worker after a change made outside the form (an
   * imported profile, sync): as the new starting point, or, while the form
   * has edits, only for display (Save then sends the edits, not a reversal).
   */
  takeReply: (reply: SettingsReply) => void;
  setError: (error: string | null) => void;
}

export function useOptions(offerEmptyBrand: boolean): OptionsState {
  const [reply, setReply] = useState<SettingsReply | null>(null);
  const [draft, setDraft] = useState<OptionsDraft | null>(null);
  /** The settings the draft was made from; Save sends the difference to these. */
  const loaded = useRef<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [showAllIssues, setShowAllIssues] = useState(false);
  const [focusBrand, setFocusBrand] = useState<number | null>(null);

  const adopt = (next: SettingsReply, offer = false) => {
    loaded.current = next.settings;
    setReply(next);
    const fresh = draftFromSettings(next.settings);
    setFocusBrand(null);
    const userBrandsAllowed = !next.effective.managed.locked.includes('userBrands');
    if (offer && fresh.brands.length === 0 && userBrandsAllowed) {
      const brand = emptyBrand([]);
      fresh.brands.push(brand);
      setFocusBrand(brand.key);
    }
    setDraft(fresh);
  };
  const load = (offer: boolean) =>
    callWorker('settings/get', null)
      .then((next) => adopt(next, offer))
      .catch((e: unknown) => setError(describeFailure(e)));

  const dirty =
    draft !== null && loaded.current !== null && settingsChanges(loaded.current, draft).length > 0;
  const issues = useMemo(() => (draft ? validateDraft(draft) : null), [draft]);

  // Settings may change elsewhere (the popup pauses a site, a policy arrives,
  // another browser syncs): follow, unless the form has edits (their Save
  // then sends only the edits, so the other change is kept all the same).
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    void load(offerEmptyBrand);
    return watchSettingsInForce(() => {
      if (!dirtyRef.current) void load(offerEmptyBrand);
    });
  }, []);

  const change = (update: (d: OptionsDraft) => Partial<OptionsDraft>) =>
    setDraft((d) => d && { ...d, ...update(d) });

  const addBrand = (role: BrandDraft['role']) => {
    if (!draft) return;
    const brand = emptyBrand(draft.brands, role);
    setFocusBrand(brand.key);
    change((d) => ({ brands: [...d.brands, brand] }));
  };

  const save = async (): Promise<boolean> => {
    if (!draft || !issues || !loaded.current) return false;
    if (hasIssues(issues)) {
      setShowAllIssues(true);
      setSaveState('invalid');
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return false;
    }
    setSaveState('saving');
    setError(null);
    try {
      const next = await callWorker('settings/change', {
        operations: settingsChanges(loaded.current, draft),
      });
      adopt(next);
      setProblems(next.problems);
      setShowAllIssues(false);
      setSaveState('saved');
      return true;
    } catch (e) {
      setError(describeFailure(e));
      setSaveState('idle');
      return false;
    }
  };

  return {
    reply,
    draft,
    dirty,
    issues,
    error,
    saveState,
    problems,
    showAllIssues,
    focusBrand,
    change,
    addBrand,
    save,
    takeReply: (next) => (dirtyRef.current ? setReply(next) : adopt(next)),
    setError,
  };
}
