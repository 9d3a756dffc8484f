import { useState } from 'preact/hooks';
import { parseTags, type Sentiment } from '../../core/mention.ts';
import { mentionOfPage, newMentionId } from '../../core/mention-draft.ts';
import type { PageState } from '../../core/messages.ts';
import { t } from '../../platform/i18n.ts';
import { callWorker } from '../../platform/messaging.ts';
import { describeFailure } from '../components/errors.tsx';
import { SentimentPicker } from '../components/sentiment-picker.tsx';

/** Logs the page as a mention: sentiment, tags, note. */
export function LogForm(props: {
  state: PageState;
  onLogged: () => void;
  onError: (e: string) => void;
}) {
  const [sentiment, setSentiment] = useState<Sentiment>('neutral');
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
  const [logged, setLogged] = useState(false);
  // One id for this form: a retry after a failed reply cannot log the page twice.
  const [id] = useState(newMentionId);
  const { state } = props;

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await callWorker('mention/add', {
        ...mentionOfPage(state, { sentiment, tags: parseTags(tags), note }),
        id,
      });
      setLogged(true);
      props.onLogged();
    } catch (e) {
      props.onError(describeFailure(e));
    }
  };

  if (logged)
    return (
      <p class="banner banner-ok" role="status">
        {t('popupLogged')}
      </p>
    );
  return (
    <form class="log-form" onSubmit={(e) => void submit(e)} aria-labelledby="log-heading">
      <h2 id="log-heading">{t('popupLogHeading')}</h2>
      <SentimentPicker
        value={sentiment}
        onChange={setSentiment}
        name="sentiment"
        legend={t('popupSentiment')}
      />
      <label>
        {t('popupTags')}
        <input
          type="text"
          value={tags}
          onInput={(e) => setTags(e.currentTarget.value)}
          placeholder={t('popupTagsPlaceholder')}
        />
      </label>
      <label>
        {t('popupNote')}
        <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        {t('popupLogButton')}
      </button>
    </form>
  );
}
