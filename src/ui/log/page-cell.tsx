import type { SearchContext } from '../../core/mention.ts';
import { t } from '../../platform/i18n.ts';

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/** A page as a link (its title, or its address when it has none), its host, and the search it came from. */
export function PageCell(props: {
  url: string;
  title: string;
  search?: SearchContext | undefined;
}) {
  const { url, title, search } = props;
  // Only web addresses become links: an imported file could carry anything.
  const linkable = /^https?:\/\//i.test(url);
  return (
    <>
      {linkable ? (
        <a href={url} target="_blank" rel="noreferrer" class="page-link">
          {title || url}
        </a>
      ) : (
        <span class="page-link">{title || url}</span>
      )}
      <span class="host muted" title={url}>
        {hostOf(url)}
      </span>
      {search && <SearchInfo search={search} />}
    </>
  );
}

export function SearchInfo({ search }: { search: SearchContext }) {
  const parts = [search.engine, `“${search.query}”`];
  if (search.rank !== undefined) parts.push(t('logRank', search.rank));
  if (search.page !== undefined && search.page > 1) parts.push(t('logResultPage', search.page));
  return <span class="search-info">{parts.join(' · ')}</span>;
}
