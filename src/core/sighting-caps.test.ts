import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  admitPageSighting,
  DOCUMENTS_PER_TAB,
  emptyTab,
  MAX_PER_DOCUMENT,
  MAX_PER_TAB_PER_MINUTE,
  type Admission,
  type TabSightings,
} from './sighting-caps.ts';

function run(reports: [document: string, key: string, at: number][]): Admission[] {
  let state: TabSightings = emptyTab();
  return reports.map(([document, key, at]) => {
    const result = admitPageSighting(state, document, key, at);
    state = result.state;
    return result.admission;
  });
}

test('a document that rewrites its address adds its first few, then nothing', () => {
  const reports = Array.from({ length: 50 }, (_, i): [string, string, number] => [
    '0/1000',
    `page https://a.de/#/slide-${i}`,
    i * 200,
  ]);
  const admissions = run(reports);
  assert.equal(admissions.filter((a) => a === 'new').length, MAX_PER_DOCUMENT);
  assert.deepEqual(admissions.slice(0, MAX_PER_DOCUMENT + 1), ['new', 'new', 'new', 'capped']);
});

test('its known addresses are refreshed as before, even past the cap', () => {
  assert.deepEqual(
    run([
      ['0/1', 'page a', 0],
      ['0/1', 'page b', 1],
      ['0/1', 'page c', 2],
      ['0/1', 'page d', 3],
      ['0/1', 'page a', 4],
    ]),
    ['new', 'new', 'new', 'capped', 'known'],
  );
});

test('50 frames rewriting every 200 ms for 10 s: at most the tab’s cap per minute', () => {
  const reports: [string, string, number][] = [];
  for (let t = 0; t < 10_000; t += 200)
    for (let frame = 1; frame <= 50; frame++)
      reports.push([`${frame}/5`, `page f${frame}-${t}`, t]);
  const admissions = run(reports);
  assert.equal(admissions.filter((a) => a === 'new').length, MAX_PER_TAB_PER_MINUTE);
});

test('the tab’s cap is per minute: later pages in the tab are seen again', () => {
  const admissions = run(
    Array.from({ length: 30 }, (_, i): [string, string, number] => [
      `0/${i}`,
      `page p${i}`,
      i * 10_000,
    ]),
  );
  // One new page every 10 s is 6 a minute, under the cap.
  assert.ok(admissions.every((a) => a === 'new'));
});

test('only the last documents of a tab are remembered', () => {
  let state = emptyTab();
  for (let i = 0; i < DOCUMENTS_PER_TAB + 20; i++)
    state = admitPageSighting(state, `0/${i}`, `page ${i}`, i * 60_000).state;
  const names = Object.keys(state.documents);
  assert.equal(names.length, DOCUMENTS_PER_TAB);
  assert.equal(names[0], '0/20');
});
