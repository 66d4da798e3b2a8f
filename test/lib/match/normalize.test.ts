import { describe, expect, it } from 'vitest';
import { aliasKey, canonicalizeChars, isAcronymToken } from '@/lib/match/normalize';

describe('aliasKey', () => {
  it('maps the ways a newsroom writes one name to one key', () => {
    const key = aliasKey('Mu Sochua');
    expect(aliasKey('Ms. Mu Sochua')).toBe(key);
    expect(aliasKey('Mu\u00A0Sochua')).toBe(key);
    expect(aliasKey('Mu\nSochua’s')).toBe(key);
    expect(aliasKey('Mú Sóchua')).toBe(key);
  });

  it('treats straight and curly possessives alike', () => {
    expect(aliasKey('CNRP’s')).toBe('CNRP');
    expect(aliasKey("CNRP's")).toBe('CNRP');
  });

  it('keeps acronyms in capitals so ordinary words do not match them', () => {
    expect(aliasKey('MAY')).toBe('MAY');
    expect(aliasKey('May')).toBe('may');
    expect(aliasKey('U.S.')).toBe('US');
  });

  it('does not strip an honorific that is the whole name', () => {
    expect(aliasKey('Dr')).toBe('dr');
  });
});

describe('canonicalizeChars', () => {
  it('keeps the length so offsets stay valid', () => {
    const text = 'Sochua’s\u00A0party – ‘quote’';
    expect(canonicalizeChars(text)).toHaveLength(text.length);
  });
});

describe('isAcronymToken', () => {
  it('needs two capital letters', () => {
    expect(isAcronymToken('CPP')).toBe(true);
    expect(isAcronymToken('A')).toBe(false);
    expect(isAcronymToken('Cpp')).toBe(false);
  });
});
