import { describe, expect, it } from 'vitest';
import {
  isBackgroundMessageType,
  isEnvelope,
  MAX_MATCH_CHARS,
  MAX_MATCH_TEXTS,
  PARAMS_VALIDATORS,
  request,
} from '@/lib/messaging/protocol';

describe('protocol', () => {
  it('wraps requests in a versioned envelope', () => {
    expect(request('matchPageText', { texts: ['Mu Sochua said.'], confirmed: [] })).toEqual({
      dramatis: 1,
      type: 'matchPageText',
      params: { texts: ['Mu Sochua said.'], confirmed: [] },
    });
    expect(isEnvelope(request('getStoreStatus', {}))).toBe(true);
    expect(isEnvelope({ type: 'getStoreStatus' })).toBe(false);
    expect(isEnvelope('getStoreStatus')).toBe(false);
  });

  it('knows only the declared message types', () => {
    expect(isBackgroundMessageType('getStoreStatus')).toBe(true);
    expect(isBackgroundMessageType('toString')).toBe(false);
    expect(isBackgroundMessageType(1)).toBe(false);
  });

  it('accepts getStoreStatus only without params', () => {
    expect(PARAMS_VALIDATORS.getStoreStatus({})).toBe(true);
    expect(PARAMS_VALIDATORS.getStoreStatus({ all: true })).toBe(false);
    expect(PARAMS_VALIDATORS.getStoreStatus(null)).toBe(false);
  });

  it('bounds matchPageText to a long page’s worth of text', () => {
    const check = (texts: unknown, confirmed: unknown = []) =>
      PARAMS_VALIDATORS.matchPageText({ texts, confirmed });
    expect(check([])).toBe(true);
    expect(check(['Hun Sen spoke.', 'CNRP'], ['person:hun-sen'])).toBe(true);
    expect(check('Hun Sen spoke.')).toBe(false);
    expect(check([1])).toBe(false);
    expect(check(['x'.repeat(MAX_MATCH_CHARS)])).toBe(true);
    expect(check(['x'.repeat(MAX_MATCH_CHARS), 'y'])).toBe(false);
    expect(check(Array.from({ length: MAX_MATCH_TEXTS + 1 }, () => 'k'))).toBe(false);
    expect(check(['Hun Sen'], 'person:hun-sen')).toBe(false);
    expect(check(['Hun Sen'], [''])).toBe(false);
    expect(PARAMS_VALIDATORS.matchPageText({ texts: ['Hun Sen'] })).toBe(false);
  });
});
