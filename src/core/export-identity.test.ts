import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportedByField } from './export-identity.ts';
import { normalizeSettings } from './profile.ts';

test('an export names no one unless the user chose a name for it', () => {
  assert.deepEqual(exportedByField(normalizeSettings({}).settings), {});
  assert.deepEqual(exportedByField({ exportedBy: '   ' }), {});
  assert.deepEqual(exportedByField({ exportedBy: ' Marketing, Team Süd ' }), {
    exportedBy: 'Marketing, Team Süd',
  });
});
