import { describe, expect, it } from 'vitest';
import { isStillLoading, storeStatusMessage } from '@/components/options/store-status-message';
import type { Result, StoreStatus } from '@/lib/messaging/protocol';
import type { ImportState } from '@/lib/model/records';

const COUNTS = { people: 12, organizations: 5, places: 4, documents: 1, annotations: 0 };
const BUNDLE = {
  hash: 'f'.repeat(64),
  formatVersion: 1,
  importedAt: 0,
  entities: 21,
  documents: 1,
};

function status(state: ImportState, bundle: StoreStatus['bundle'] = BUNDLE): Result<StoreStatus> {
  return { ok: true, value: { counts: COUNTS, bundle, import: state } };
}

describe('storeStatusMessage', () => {
  it('says nothing once the bundle is loaded', () => {
    expect(storeStatusMessage(status({ state: 'done', finishedAt: 1, changed: true }))).toBeNull();
  });

  it('reports progress while the first import runs', () => {
    expect(storeStatusMessage(status({ state: 'importing', startedAt: 1 }, null))).toEqual({
      tone: 'progress',
      text: 'Loading the bundled profiles… This takes a moment after installing.',
    });
    expect(storeStatusMessage(null)?.tone).toBe('progress');
  });

  it('shows an import error with what to do, and whether old profiles remain', () => {
    const failed: ImportState = {
      state: 'failed',
      failedAt: 1,
      error: 'profiles.json: entities[3].id is missing',
    };
    expect(storeStatusMessage(status(failed, null))?.text).toBe(
      'The bundled profiles could not be loaded (profiles.json: entities[3].id is missing). ' +
        'Reload the extension to try again. Your notes are not affected.',
    );
    expect(storeStatusMessage(status(failed))?.text).toContain(
      'The previous profiles are still in use',
    );
  });

  it('passes on a messaging error as a problem', () => {
    const down: Result<StoreStatus> = {
      ok: false,
      error: { code: 'unreachable', message: 'Dramatis is not responding.' },
    };
    expect(storeStatusMessage(down)).toEqual({
      tone: 'problem',
      text: 'Dramatis is not responding.',
    });
  });
});

describe('isStillLoading', () => {
  it('keeps asking only while an import is pending', () => {
    expect(isStillLoading(status({ state: 'never' }, null))).toBe(true);
    expect(isStillLoading(status({ state: 'importing', startedAt: 1 }))).toBe(true);
    expect(isStillLoading(status({ state: 'done', finishedAt: 1, changed: false }))).toBe(false);
    expect(isStillLoading(status({ state: 'failed', failedAt: 1, error: 'x' }))).toBe(false);
    expect(isStillLoading(null)).toBe(false);
  });
});
