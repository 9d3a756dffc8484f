import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyOperations, defaultTerm, normalizeSettings } from '../../core/profile.ts';
import { draftFromSettings, emptyBrand, termDraft } from './draft.ts';
import { settingsChanges } from './settings-changes.ts';

const loaded = normalizeSettings({
  brands: [
    { id: 'acme', name: 'ACME', color: '#4fc3f7', terms: ['ACME'] },
    { id: 'rival', name: 'Rival', role: 'competitor', color: '#ffd54f', terms: ['Rival'] },
  ],
  pausedSites: ['intranet.example'],
}).settings;

test('an untouched form sends nothing', () => {
  assert.deepEqual(settingsChanges(loaded, draftFromSettings(loaded)), []);
});

test('only what the user changed is sent, each as its own operation', () => {
  const draft = draftFromSettings(loaded);
  draft.mode = 'manual-only';
  draft.pausedSitesText = 'heise.de';
  draft.brands[0]!.terms.push(termDraft(defaultTerm('RoboDrill')));
  draft.brands.splice(1, 1);
  draft.brands.push({ ...emptyBrand(draft.brands, 'competitor'), name: 'Otto' });
  assert.deepEqual(settingsChanges(loaded, draft), [
    { op: 'set', field: 'mode', value: 'manual-only' },
    { op: 'pause-site', site: 'heise.de' },
    { op: 'resume-site', site: 'intranet.example' },
    {
      op: 'put-brand',
      brand: {
        id: 'acme',
        name: 'ACME',
        color: '#4fc3f7',
        role: 'own',
        terms: [defaultTerm('ACME'), defaultTerm('RoboDrill')],
        exclude: [],
        sites: [],
      },
    },
    {
      op: 'put-brand',
      brand: {
        name: 'Otto',
        color: draft.brands[1]!.color,
        role: 'competitor',
        terms: [defaultTerm('Otto')],
        exclude: [],
        sites: [],
      },
    },
    { op: 'remove-brand', id: 'rival' },
  ]);
});

test('a pause made elsewhere after the page loaded survives its save (issue 10, lost updates)', () => {
  const draft = draftFromSettings(loaded);
  draft.highlightStyle = 'underline';
  // Meanwhile a popup paused a site.
  const meanwhile = applyOperations(loaded, [{ op: 'pause-site', site: 'bank.example' }]).settings;
  const saved = applyOperations(meanwhile, settingsChanges(loaded, draft)).settings;
  assert.deepEqual(saved.pausedSites, ['intranet.example', 'bank.example']);
  assert.equal(saved.highlightStyle, 'underline');
});
