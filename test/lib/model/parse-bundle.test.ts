import { describe, expect, it } from 'vitest';
import { bundleHash, canonicalJson } from '@/lib/model/bundle-hash';
import { BundleError } from '@/lib/model/bundle-error';
import { parseBundle, parseBundleText } from '@/lib/model/parse-bundle';
import { sampleBundle, sampleJson } from '@/test/lib/profiles/sample-bundle';

/** The message parseBundle throws for `json`, for asserting on what a user would read. */
function rejection(json: unknown): string {
  try {
    parseBundle(json, { origin: 'profiles.json' });
  } catch (error) {
    expect(error).toBeInstanceOf(BundleError);
    return (error as BundleError).message;
  }
  throw new Error('the bundle was accepted');
}

describe('parseBundle', () => {
  it('accepts a valid bundle read back from JSON, unchanged', () => {
    const bundle = sampleBundle();
    expect(parseBundle(JSON.parse(JSON.stringify(bundle)))).toEqual(bundle);
  });

  it('refuses another version with the versions named', () => {
    expect(rejection({ ...sampleJson(), version: 2 })).toBe(
      'profiles.json: bundle version 2 is not supported; this build reads version 1',
    );
  });

  it('refuses what is not a Dramatis bundle', () => {
    expect(rejection({ format: 'other', version: 1 })).toBe(
      'profiles.json: is not a Dramatis profile bundle (format is "other", expected "dramatis-profiles")',
    );
    expect(rejection([])).toBe('profiles.json: the bundle must be an object, found a list');
  });

  it('refuses a bundle cut short, as text or as JSON', () => {
    const text = JSON.stringify(sampleBundle());
    expect(() => parseBundleText(text.slice(0, text.length / 2), 'profiles.json')).toThrow(
      /^profiles\.json: is not valid JSON, perhaps cut short/,
    );
    const { entities: _dropped, ...json } = sampleJson();
    expect(rejection(json)).toBe('profiles.json: entities must be a list, found nothing');
  });

  it('lists every shape problem with its path', () => {
    const json = sampleJson();
    const [cnrp, sochua] = json.entities as [
      Record<string, unknown>,
      Record<string, unknown> & { aliases: Record<string, unknown>[] },
    ];
    cnrp.kind = 'robot';
    sochua.aliases[0]!.ambiguous = 'no';
    expect(rejection(json)).toBe(
      'profiles.json: not a usable profile bundle:\n' +
        '  - entities[0].kind must be one of "person", "organization", "place", found "robot"\n' +
        '  - entities[1].aliases[0].ambiguous must be true or false, found "no"',
    );
  });

  it('names a reference to an entity that is not in the bundle', () => {
    const json = sampleJson();
    const sochua = json.entities[1] as {
      affiliations: { entityId: string }[];
      related: { entityId: string }[];
    };
    sochua.affiliations[0]!.entityId = 'organization:cpp';
    sochua.related[0]!.entityId = 'person:nobody';
    expect(rejection(json)).toBe(
      'profiles.json: not a usable profile bundle:\n' +
        '  - entities[1] (person:mu-sochua).affiliations[0].entityId "organization:cpp" points at no entity in the bundle\n' +
        '  - entities[1] (person:mu-sochua).related[0].entityId "person:nobody" points at no entity in the bundle',
    );
  });

  it('names a span that points at a missing document or outside its text', () => {
    const json = sampleJson();
    const sochua = json.entities[1] as { aliases: { source: { doc: string; end: number } }[] };
    sochua.aliases[0]!.source.doc = 'missing';
    sochua.aliases[1]!.source.end = 500;
    expect(rejection(json)).toBe(
      'profiles.json: not a usable profile bundle:\n' +
        '  - entities[1] (person:mu-sochua).aliases[0].source.doc "missing" points at no document in the bundle\n' +
        '  - entities[1] (person:mu-sochua).aliases[1].source [25, 500) lies outside document "doc0000000000001" (its text has 75 characters)',
    );
  });

  it('refuses duplicate ids', () => {
    const json = sampleJson();
    json.entities.push(json.entities[0]!);
    expect(rejection(json)).toMatch(
      /entities\[2\]\.id "organization:cnrp" is used by another entity too/,
    );
  });

  it('refuses content that does not match its hash', () => {
    const json = sampleJson();
    (json.entities[1] as { name: string }).name = 'Someone Else';
    expect(rejection(json)).toMatch(/content does not match its hash/);
    expect(parseBundle(json, { verifyHash: false }).entities[1]!.name).toBe('Someone Else');
  });
});

describe('bundle hash', () => {
  it('does not depend on the order of keys', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe(
      '{"a":[{"c":"x","d":null}],"b":1}',
    );
    const bundle = sampleBundle();
    const reordered = JSON.parse(canonicalJson(bundle)) as typeof bundle;
    expect(bundleHash(reordered)).toBe(bundle.hash);
  });
});
