import { describe, expect, it } from 'vitest';
import {
  isBackgroundMessageType,
  isEnvelope,
  MAX_KEY_LENGTH,
  MAX_LOOKUP_KEYS,
  PARAMS_VALIDATORS,
  request,
} from '@/lib/messaging/protocol';

describe('protocol', () => {
  it('wraps requests in a versioned envelope', () => {
    expect(request('lookupAliasKeys', { keys: ['sochua'] })).toEqual({
      dramatis: 1,
      type: 'lookupAliasKeys',
      params: { keys: ['sochua'] },
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

  it('bounds lookupAliasKeys to a page’s worth of short string keys', () => {
    const check = PARAMS_VALIDATORS.lookupAliasKeys;
    expect(check({ keys: [] })).toBe(true);
    expect(check({ keys: ['hun sen', 'CNRP'] })).toBe(true);
    expect(check({ keys: 'hun sen' })).toBe(false);
    expect(check({ keys: [1] })).toBe(false);
    expect(check({ keys: ['x'.repeat(MAX_KEY_LENGTH + 1)] })).toBe(false);
    expect(check({ keys: Array.from({ length: MAX_LOOKUP_KEYS + 1 }, () => 'k') })).toBe(false);
  });
});
