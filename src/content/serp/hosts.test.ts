// The manifest loads the results-page script on the engines' hosts only:
// its globs must cover every address isSearchUrl takes for a results page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from './engines/index.ts';
import { globToRegExp, resultsPageGlobs } from './hosts.ts';
import { isSearchUrl } from './urls.ts';

// prettier-ignore
const RESULTS_PAGES = [
  'https://www.google.com/search?q=acme', 'https://www.google.de/search?q=acme&start=10',
  'https://google.co.uk/search?q=acme', 'https://www.google.com.au/search?q=acme&tbm=nws',
  'https://encrypted.google.com/search?q=acme', 'http://www.google.at/search?q=acme',
  'https://www.bing.com/search?q=acme', 'https://cn.bing.com/search?q=acme', 'https://bing.com/news/search?q=acme',
  'https://duckduckgo.com/?q=acme', 'https://start.duckduckgo.com/?q=acme', 'https://html.duckduckgo.com/html/?q=acme',
  'https://lite.duckduckgo.com/lite/?q=acme', 'https://duckduckgo.com/html?q=acme',
  'https://www.ecosia.org/search?q=acme', 'https://ecosia.org/news?q=acme',
  'https://www.startpage.com/sp/search?query=acme', 'https://eu.startpage.com/do/dsearch?query=acme',
  'https://startpage.nl/sp/search?query=acme',
  'https://www.qwant.com/?q=acme', 'https://lite.qwant.com/?q=acme',
  'https://search.yahoo.com/search?p=acme', 'https://de.search.yahoo.com/search?p=acme',
  'https://search.brave.com/search?q=acme', 'https://www.mojeek.com/search?q=acme',
  'https://mojeek.co.uk/search?q=acme', 'https://yandex.com.tr/search/?text=acme', 'https://www.yandex.ru/search?text=acme',
];
const NOT_RESULTS_PAGES = [
  'https://www.example.com/search?q=acme',
  'https://googleblog.example/search?q=acme',
  'https://www.bing.com.example.org/search?q=acme',
  'https://news.ycombinator.com/',
];

const globs = resultsPageGlobs().map(globToRegExp);
const loaded = (url: string): boolean => globs.some((glob) => glob.test(url));

test('the results-page script is loaded on every results page isSearchUrl knows', () => {
  for (const url of RESULTS_PAGES) {
    assert.ok(isSearchUrl(url), `isSearchUrl(${url})`);
    assert.ok(loaded(url), `no manifest glob loads the results-page script on ${url}`);
  }
});

test('every host pattern of every engine has a sample address here, and globs that cover it', () => {
  for (const engine of ENGINES) {
    for (const pattern of engine.urls) {
      const samples = RESULTS_PAGES.map((url) => new URL(url)).filter((u) =>
        pattern.host.test(u.hostname),
      );
      assert.ok(samples.length > 0, `no sample address for ${String(pattern.host)}: add one above`);
      for (const u of samples) {
        assert.ok(
          pattern.hosts.some((host) => globToRegExp(host).test(u.hostname)),
          `${u.hostname} matches ${String(pattern.host)} but none of its hosts (${pattern.hosts.join(', ')})`,
        );
      }
    }
  }
});

test('other sites do not get the results-page script, or are not results pages', () => {
  for (const url of NOT_RESULTS_PAGES) assert.ok(!isSearchUrl(url), url);
  assert.ok(!loaded('https://www.example.com/search?q=acme'));
  assert.ok(!loaded('https://news.ycombinator.com/'));
});
