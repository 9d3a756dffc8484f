/**
 * The badge's editor once a result is logged: sentiment, tags, note, Save
 * (and whether it saved), Undo. In the floating panel one field a row, with
 * visible labels; inline (no popovers) in a row, labels for screen readers.
 */
import type { Mention, Sentiment } from '../../core/mention.ts';
import { parseTags, SENTIMENTS } from '../../core/mention.ts';
import { t, type MessageKey } from '../../platform/i18n.ts';
import { el, withRole } from './badge-dom.ts';
import type { BadgeActions } from './result-badge.ts';

const SENTIMENT_LABELS: Record<Sentiment, MessageKey> = {
  positive: 'sentimentPositive',
  neutral: 'sentimentNeutral',
  negative: 'sentimentNegative',
};

export function badgeEditor(
  mention: Mention,
  saved: boolean,
  floating: boolean,
  actions: Pick<BadgeActions, 'update' | 'undo'>,
): HTMLElement[] {
  const sentiment = withRole(el('select', { title: t('popupSentiment') }), 'sentiment');
  sentiment.setAttribute('aria-label', t('popupSentiment'));
  for (const value of SENTIMENTS)
    sentiment.append(
      el('option', {
        value,
        textContent: t(SENTIMENT_LABELS[value]),
        selected: value === mention.sentiment,
      }),
    );
  const field = (role: string, label: string, value: string): [HTMLElement, HTMLInputElement] => {
    const input = withRole(el('input', { type: 'text', value, placeholder: label }), role);
    return [el('label', {}, el('span', { textContent: label }), input), input];
  };
  const [tagsField, tags] = field('tags', t('popupTags'), mention.tags.join(', '));
  const [noteField, note] = field('note', t('popupNote'), mention.note);
  const status = el('span', {
    className: 'status',
    role: 'status',
    textContent: saved ? `✓ ${t('resultSaved')}` : '',
  });
  // What is shown as saved is what is stored: an edit takes the word back.
  for (const control of [sentiment, tags, note])
    control.addEventListener(control === sentiment ? 'change' : 'input', () => {
      status.textContent = '';
    });
  const save = withRole(el('button', { type: 'button', textContent: t('resultSave') }), 'save');
  save.addEventListener(
    'click',
    () =>
      void actions.update({
        sentiment: sentiment.value as Sentiment,
        tags: parseTags(tags.value),
        note: note.value.trim(),
      }),
  );
  const undo = withRole(el('button', { type: 'button', textContent: t('resultUndo') }), 'undo');
  undo.addEventListener('click', () => void actions.undo());
  return floating
    ? [
        el('div', { className: 'row' }, sentiment),
        tagsField,
        noteField,
        el('div', { className: 'row' }, save, status, undo),
      ]
    : [sentiment, tagsField, noteField, save, status, undo];
}
