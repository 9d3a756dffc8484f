import { createContext } from 'preact';
import { useContext, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { WorkerError } from '../../../platform/messaging.ts';
import type { WorkerErrorCode } from '../../../core/messages.ts';
import { describeFailure } from '../../components/errors.tsx';

/**
 * Failures of the whole log (it cannot be opened: an upgrade blocked, a
 * newer version, no database): every panel's request fails the same way,
 * so the workspace says it once, in its own banner, instead of each panel
 * repeating the sentence under it.
 */
const LOG_WIDE: ReadonlySet<WorkerErrorCode> = new Set<WorkerErrorCode>([
  'log-blocked',
  'log-unavailable',
  'log-too-new',
]);

export function isLogWideFailure(error: unknown): boolean {
  return error instanceof WorkerError && LOG_WIDE.has(error.code as WorkerErrorCode);
}

const LogFailureContext = createContext<(error: unknown) => void>(() => {});

/** The workspace's receiver of log-wide failures, for the panels below it. */
export function LogFailureProvider(props: {
  onLogFailure: (error: unknown) => void;
  children: ComponentChildren;
}) {
  return (
    <LogFailureContext.Provider value={props.onLogFailure}>
      {props.children}
    </LogFailureContext.Provider>
  );
}

/**
 * A panel's own failure as a sentence, and the function that reports one
 * (null clears it). Log-wide failures go to the workspace instead.
 */
export function usePanelFailure(): [string | null, (error: unknown) => void] {
  const toWorkspace = useContext(LogFailureContext);
  const [failure, setFailure] = useState<string | null>(null);
  const report = (error: unknown) => {
    if (error === null) setFailure(null);
    else if (isLogWideFailure(error)) toWorkspace(error);
    else setFailure(describeFailure(error));
  };
  return [failure, report];
}
