import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyFilter } from '../../core/log-query.ts';
import { readView, reportAddress, viewAddress, type WorkspaceView } from './address.ts';

const base = (): WorkspaceView => ({
  tab: 'mentions',
  filter: emptyFilter(),
  mentionSort: { key: 'date', descending: true },
  sightingSort: { key: 'lastSeen', descending: true },
  bySite: false,
});

test('the default view has an empty address', () => {
  assert.equal(viewAddress(base()), '');
  assert.deepEqual(readView(''), base());
});

test('a filtered, sorted view reads back the same', () => {
  const view = base();
  view.filter.brands = ['ACME'];
  view.filter.sentiments = ['negative'];
  view.filter.text = 'lieferung';
  view.filter.from = '2026-11-01';
  view.mentionSort = { key: 'status', descending: false };
  const address = viewAddress(view);
  assert.match(
    address,
    /^\?brand=ACME&sentiment=negative&from=2026-11-01&q=lieferung&sort=status$/,
  );
  assert.deepEqual(readView(address), view);
});

test('the tab and the grouping of sightings are kept; grouping only on the sightings tab', () => {
  const view = { ...base(), tab: 'sightings' as const, bySite: true };
  view.sightingSort = { key: 'visits', descending: true };
  const address = viewAddress(view);
  assert.equal(address, '?view=sightings&group=site&sort=-visits');
  const back = readView(address);
  assert.equal(back.tab, 'sightings');
  assert.equal(back.bySite, true);
  assert.deepEqual(back.sightingSort, { key: 'visits', descending: true });
  assert.equal(viewAddress({ ...view, tab: 'overview' }), '?view=overview');
});

test('unknown values in an old bookmark are dropped, not errors', () => {
  const view = readView('?view=nonsense&sentiment=furious&sort=-nonsense&brand=ACME');
  assert.equal(view.tab, 'mentions');
  assert.deepEqual(view.filter.sentiments, []);
  assert.deepEqual(view.filter.brands, ['ACME']);
  assert.deepEqual(view.mentionSort, { key: 'date', descending: true });
});

test('the report opens on the same filter and the mentions sort', () => {
  const view = { ...base(), tab: 'overview' as const };
  view.filter.statuses = ['new'];
  view.mentionSort = { key: 'sentiment', descending: true };
  assert.equal(reportAddress(view), 'report.html?status=new&sort=-sentiment');
  assert.equal(reportAddress(base()), 'report.html');
});
