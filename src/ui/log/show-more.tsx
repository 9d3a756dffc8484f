import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n.ts';

const PAGE = 100;

/** Long tables render a hundred rows at a time, with a button for the next hundred. */
export function useShowMore<T>(items: T[]) {
  const [limit, setLimit] = useState(PAGE);
  const rest = items.length - limit;
  return {
    visible: rest > 0 ? items.slice(0, limit) : items,
    more:
      rest > 0 ? (
        <button type="button" class="show-more" onClick={() => setLimit(limit + PAGE)}>
          {t('logShowMore', Math.min(rest, PAGE), rest)}
        </button>
      ) : null,
  };
}
