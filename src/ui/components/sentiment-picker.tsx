import { SENTIMENTS, type Sentiment } from '../../core/mention.ts';
import { t, type MessageKey } from '../../platform/i18n.ts';

const LABELS: Record<Sentiment, MessageKey> = {
  positive: 'sentimentPositive',
  neutral: 'sentimentNeutral',
  negative: 'sentimentNegative',
};

/** Three radio buttons in a labelled group. */
export function SentimentPicker(props: {
  value: Sentiment;
  onChange: (value: Sentiment) => void;
  name: string;
  legend: string;
}) {
  return (
    <fieldset class="sentiment" role="radiogroup" aria-label={props.legend}>
      <legend>{props.legend}</legend>
      {SENTIMENTS.map((sentiment) => (
        <label key={sentiment} class={`sentiment-${sentiment}`}>
          <input
            type="radio"
            name={props.name}
            value={sentiment}
            checked={props.value === sentiment}
            onChange={() => props.onChange(sentiment)}
          />
          {t(LABELS[sentiment])}
        </label>
      ))}
    </fieldset>
  );
}

export function sentimentLabel(sentiment: Sentiment): string {
  return t(LABELS[sentiment]);
}
