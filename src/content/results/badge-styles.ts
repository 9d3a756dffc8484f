/**
 * The badge's look, in its closed shadow root. Light by default; the panel,
 * which floats over the page, follows the user's colour scheme.
 */
import { MAX_WIDTH_PX } from './badge-panel.ts';

export const BADGE_CSS = `
:host { all: initial; display: inline-flex; flex-wrap: wrap; gap: 4px; align-items: center;
  margin-left: 8px; vertical-align: middle; font: 600 11px/1.6 system-ui, sans-serif; color: #1b1f24; }
:host([data-compact]) { margin: 0 4px 0 0; position: relative; z-index: 1; }
.face { display: contents; }
.pill { border-radius: 9px; padding: 0 7px; background: #e8eaed; color: #1b1f24; white-space: nowrap; }
.new { background: #ffd54f; color: #000; }
.ad { background: #b3261e; color: #fff; }
.done { background: #dcf1e1; color: #0f5a26; }
button, select, input { font: inherit; border: 1px solid #8c959f; border-radius: 9px; background: #fff;
  color: #1b1f24; padding: 0 7px; cursor: pointer; margin: 0; }
button.log { background: #1f3a5f; color: #fff; border-color: #1f3a5f; }
button.done { border-color: #1a7f37; }
button.compact { padding: 0 6px; }
button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid #1f6feb; outline-offset: 1px; }
input { cursor: text; font-weight: 400; width: 100%; box-sizing: border-box; }
.error { color: #b3261e; font-weight: 400; }
.status { color: #1a7f37; }
.panel { display: inline-flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.panel.floating { position: absolute; inset: auto; margin: 0; box-sizing: border-box;
  max-width: ${MAX_WIDTH_PX}px; width: max-content; padding: 8px; display: none; gap: 6px;
  background: #fff; color: #1b1f24; border: 1px solid #8c959f; border-radius: 8px;
  box-shadow: 0 4px 16px rgb(0 0 0 / 0.18); font: 600 12px/1.6 system-ui, sans-serif; }
.panel.floating:popover-open { display: flex; }
.panel.floating .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; width: 100%; }
.panel.floating label { display: flex; flex-direction: column; gap: 2px; width: 100%; font-weight: 400; }
.panel:not(.floating) label > span { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
.panel:not(.floating) input { width: 9em; }
@media (prefers-color-scheme: dark) {
  .panel.floating { background: #1f242a; color: #e6edf3; border-color: #57606a; }
  .panel.floating input, .panel.floating select, .panel.floating button:not(.log) {
    background: #16191d; color: #e6edf3; border-color: #57606a; }
  .panel.floating .status { color: #56d364; }
  .panel.floating .error { color: #ff7b72; }
}
`;
