import { describe, expect, it } from 'vitest';
import { joinPageTexts } from '@/lib/match/page-text-codec';
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
    expect(request('matchPageText', { text: 'Mu Sochua said.', confirmed: [] })).toEqual({
      dramatis: 1,
      type: 'matchPageText',
      params: { text: 'Mu Sochua said.', confirmed: [] },
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
    const check = (text: unknown, confirmed: unknown = []) =>
      PARAMS_VALIDATORS.matchPageText({ text, confirmed });
    const joined = (texts: string[]) => joinPageTexts(texts);
    expect(check('')).toBe(true);
    expect(check(joined(['Hun Sen spoke.', 'CNRP']), ['person:hun-sen'])).toBe(true);
    expect(check(['Hun Sen spoke.'])).toBe(false);
    expect(check(1)).toBe(false);
    expect(check('x'.repeat(MAX_MATCH_CHARS))).toBe(true);
    expect(check(joined(['x'.repeat(MAX_MATCH_CHARS - 1), 'y']))).toBe(false);
    expect(check(joined(Array.from({ length: MAX_MATCH_TEXTS }, () => 'k')))).toBe(true);
    expect(check(joined(Array.from({ length: MAX_MATCH_TEXTS + 1 }, () => 'k')))).toBe(false);
    expect(check('Hun Sen', 'person:hun-sen')).toBe(false);
    expect(check('Hun Sen', [''])).toBe(false);
    expect(PARAMS_VALIDATORS.matchPageText({ text: 'Hun Sen' })).toBe(false);
  });
});
