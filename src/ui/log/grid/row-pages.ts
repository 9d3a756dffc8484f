/**
 * The rows of one query, read page by page as the list scrolls. Only a few
 * pages are kept (least recently used go first), so the page never holds the
 * whole log; a new query (another filter or sort) or a change in the log
 * starts a new generation and drops them all.
 */

export interface Page<Row> {
  /** Rows matching the query in all (the list's length). */
  total: number;
  rows: Row[];
}

/** Reads `limit` rows from `offset` of the current query. */
export type PageReader<Row> = (offset: number, limit: number) => Promise<Page<Row>>;

export class RowPages<Row> {
  private readonly pages = new Map<number, Row[]>();
  private readonly loading = new Map<number, Promise<void>>();
  private generation = 0;
  /** Rows in the whole query, as the last page read told; undefined before the first. */
  total: number | undefined = undefined;

  constructor(
    private read: PageReader<Row>,
    readonly pageSize = 100,
    /** Pages kept at most: 10 × 100 rows of some 600 bytes each. */
    readonly keep = 10,
    /** Told after each page arrives, so the view can render it. */
    private readonly onPage: () => void = () => {},
  ) {}

  /**
   * A new query: forget every page; later replies of the old one are dropped.
   * `keepRows` (the same query, read again after a change): the old rows stay
   * on screen until their pages are read anew, so the list does not blink.
   */
  reset(read?: PageReader<Row>, options: { keepRows?: boolean } = {}): void {
    if (read) this.read = read;
    this.generation++;
    this.stale = options.keepRows
      ? new Map<number, Row[]>([...this.stale, ...this.pages])
      : new Map<number, Row[]>();
    this.pages.clear();
    this.loading.clear();
    if (!options.keepRows) this.total = undefined;
  }

  /** Rows of the query before the last reset, shown until their page is read again. */
  private stale = new Map<number, Row[]>();

  /** The row at `index` if its page is here (marking the page as used). */
  row(index: number): Row | undefined {
    const page = Math.floor(index / this.pageSize);
    const rows = this.pages.get(page);
    if (!rows) return this.stale.get(page)?.[index - page * this.pageSize];
    this.touch(page, rows);
    return rows[index - page * this.pageSize];
  }

  /** Replaces a row in place (after an edit), if its page is here. */
  replace(index: number, row: Row): void {
    const page = Math.floor(index / this.pageSize);
    const rows = this.pages.get(page) ?? this.stale.get(page);
    if (rows && index - page * this.pageSize < rows.length)
      rows[index - page * this.pageSize] = row;
  }

  /** Finds a loaded row and its index. */
  find(predicate: (row: Row) => boolean): { index: number; row: Row } | undefined {
    for (const [page, rows] of [...this.pages, ...this.stale]) {
      const at = rows.findIndex(predicate);
      const row = rows[at];
      if (at >= 0 && row !== undefined) return { index: page * this.pageSize + at, row };
    }
    return undefined;
  }

  /** Makes sure the pages holding rows [first, end) are loaded or loading. */
  ensure(first: number, end: number): Promise<void> {
    const waits: Promise<void>[] = [];
    const lastPage = Math.floor(Math.max(first, end - 1) / this.pageSize);
    for (let page = Math.floor(first / this.pageSize); page <= lastPage; page++) {
      if (this.pages.has(page)) continue;
      if (this.total !== undefined && page * this.pageSize >= this.total && page > 0) continue;
      waits.push(this.load(page));
    }
    return Promise.all(waits).then(() => undefined);
  }

  /** The rows [first, end), reading the pages that are missing (for a shift-click range). */
  async rows(first: number, end: number): Promise<Row[]> {
    await this.ensure(first, end);
    const out: Row[] = [];
    for (let i = first; i < end; i++) {
      let row = this.row(i);
      if (row === undefined) {
        // Evicted meanwhile by a longer range than `keep` pages: read it again.
        await this.load(Math.floor(i / this.pageSize));
        row = this.row(i);
      }
      if (row !== undefined) out.push(row);
    }
    return out;
  }

  private load(page: number): Promise<void> {
    const pending = this.loading.get(page);
    if (pending) return pending;
    const generation = this.generation;
    const promise = this.read(page * this.pageSize, this.pageSize).then(
      (result) => {
        if (generation !== this.generation) return;
        this.loading.delete(page);
        this.stale.delete(page);
        this.total = result.total;
        this.touch(page, result.rows);
        this.evict();
        this.onPage();
      },
      (error: unknown) => {
        if (generation === this.generation) this.loading.delete(page);
        throw error;
      },
    );
    this.loading.set(page, promise);
    return promise;
  }

  /** Moves a page to the end of the map: Map keeps insertion order, so the first is the least recently used. */
  private touch(page: number, rows: Row[]): void {
    this.pages.delete(page);
    this.pages.set(page, rows);
  }

  private evict(): void {
    while (this.pages.size > this.keep) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
    }
  }
}
