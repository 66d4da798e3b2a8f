import { describe, expect, it } from 'vitest';
import { aliasKey } from '@/lib/match/normalize';
import { ScaleProfiles } from './scale-names';

describe('the scale bench’s generated stores', () => {
  // Past the short patterns' sizes (36,000 Khmer, 19,200 bodies, 10,800 places), so the long ones are covered.
  const large = new ScaleProfiles(120_000);

  it('gives every profile its own id and its own name and acronym keys', () => {
    const keys = new Set<string>();
    const ids = new Set<string>();
    for (const entity of large.first()) {
      expect(ids.has(entity.id)).toBe(false);
      ids.add(entity.id);
      for (const alias of entity.aliases.filter((one) => !one.ambiguous)) {
        expect(keys.has(alias.key), alias.text).toBe(false);
        keys.add(alias.key);
      }
    }
    expect(ids.size).toBe(120_000);
  });

  it('lists profiles by id, each once, as a version 2 bundle needs', () => {
    let previous = '';
    let count = 0;
    for (const entity of large.inIdOrder(50_000)) {
      expect(entity.id > previous).toBe(true);
      previous = entity.id;
      count++;
    }
    expect(count).toBe(50_000);
  });

  it('makes a smaller store from the same seed a prefix of a larger one, and the same every time', () => {
    const small = new ScaleProfiles(1_000);
    expect([...small.first()]).toEqual([...large.first(1_000)]);
    expect(new ScaleProfiles(1_000, 7).at(0)).not.toEqual(small.at(0));
  });

  it('mixes people, organizations and places, with short forms and acronyms', () => {
    const store = [...large.first(1_000)];
    const count = (kind: string) => store.filter((entity) => entity.kind === kind).length;
    expect([count('person'), count('organization'), count('place')]).toEqual([700, 200, 100]);
    const person = store.find((entity) => entity.kind === 'person')!;
    expect(person.aliases).toContainEqual({
      text: person.short,
      key: aliasKey(person.short!),
      ambiguous: true,
    });
    expect(
      store.some((entity) =>
        /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]/i.test(entity.name),
      ),
    ).toBe(true);
    const withAcronym = store.filter((entity) => entity.acronym !== null);
    expect(withAcronym.length).toBeGreaterThan(50);
    expect(new Set(withAcronym.map((entity) => entity.acronym)).size).toBe(withAcronym.length);
  });

  it('spreads a page’s sample over the whole store', () => {
    const sample = large.sample();
    expect(sample).toHaveLength(100);
    expect(sample[99]).toEqual(large.at(108_009));
  });
});
