import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n.ts';

/** What happened last, said once in the page's one live region (and shown there). */
export interface Notice {
  text: string;
  kind?: 'ok' | 'error' | 'info';
  /** A button that goes with it (Undo, Retry). */
  action?: { label: string; run: () => void; disabled?: boolean };
}

type Announce = (notice: Notice | null) => void;

const AnnounceContext = createContext<Announce>(() => {});
const NoticeContext = createContext<Notice | null>(null);

export const useAnnounce = (): Announce => useContext(AnnounceContext);

/**
 * The workspace's live region: saves, bulk edits, undo, exports and imports
 * report to it (useAnnounce), so a screen reader hears each of them once and
 * everyone sees the last one, with its Undo, where <LiveStatus> stands.
 */
export function LiveRegion({ children }: { children: ComponentChildren }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const announce = useCallback<Announce>((n) => setNotice(n), []);
  return (
    <AnnounceContext.Provider value={announce}>
      <NoticeContext.Provider value={notice}>{children}</NoticeContext.Provider>
    </AnnounceContext.Provider>
  );
}

/**
 * The line that shows the last notice. It keeps its place in the page's flow
 * (a line high even when empty), so it never covers a control and nothing
 * jumps when a notice comes.
 */
export function LiveStatus() {
  const notice = useContext(NoticeContext);
  const announce = useAnnounce();
  return (
    <div class={`live-region${notice ? ` notice-${notice.kind ?? 'info'}` : ' empty'}`}>
      <p role="status" aria-live="polite" class="live-text">
        {notice?.text ?? ''}
      </p>
      {notice?.action && (
        <button
          type="button"
          class="primary"
          disabled={notice.action.disabled}
          onClick={notice.action.run}
        >
          {notice.action.label}
        </button>
      )}
      {notice && (
        <button
          type="button"
          class="quiet dismiss"
          aria-label={t('logDismiss')}
          onClick={() => announce(null)}
        >
          ×
        </button>
      )}
    </div>
  );
}
