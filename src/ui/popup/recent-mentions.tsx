import type { Mention } from '../../core/mention.ts';
import { formatDate, t } from '../../platform/i18n.ts';
import { sentimentLabel } from '../components/sentiment-picker.tsx';
import { WebLink } from '../components/web-link.tsx';

/** The last mentions logged; only web addresses become links (an import may carry anything). */
export function RecentMentions({ mentions }: { mentions: Mention[] }) {
  return (
    <section aria-labelledby="recent">
      <h2 id="recent">{t('popupRecent')}</h2>
      {mentions.length === 0 ? (
        <p class="muted">{t('popupNoMentions')}</p>
      ) : (
        <ul class="recent">
          {mentions.map((m) => (
            <li key={m.id}>
              <WebLink url={m.url}>{m.title || m.url}</WebLink>
              <span class={`pill sentiment-${m.sentiment}`}>{sentimentLabel(m.sentiment)}</span>
              {m.tags.map((tag) => (
                <span key={tag} class="pill tag">
                  {tag}
                </span>
              ))}
              <time dateTime={m.createdAt}>{formatDate(m.createdAt)}</time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
