import { describe, expect, it } from 'vitest';
import {
  answerKeys,
  buildAliasIndex,
  candidateKeys,
  findCandidates,
  groupHitsByKey,
  matchText,
  resolveMentions,
} from '@/lib/match';
import { entity, seedIndex } from './helpers';

/** The mentions of `text` as "text→entityId". */
function linked(text: string, options?: Parameters<typeof matchText>[2]): string[] {
  return matchText(text, seedIndex(), options).mentions.map(
    (mention) => `${mention.text}→${mention.entityId}`,
  );
}

describe('resolveMentions', () => {
  it('reports offsets, text, name and kind of each mention', () => {
    const text = 'The CNRP’s chief met Hun Sen.';
    const [cnrp, hunSen] = matchText(text, seedIndex()).mentions;
    expect(cnrp).toEqual({
      start: 4,
      end: 8,
      text: 'CNRP',
      entityId: 'organization:cnrp',
      name: 'Cambodia National Rescue Party',
      kind: 'organization',
    });
    expect(text.slice(hunSen!.start, hunSen!.end)).toBe('Hun Sen');
  });

  it('prefers the longest name: "Hun Sen" over "Sen", "Phnom Penh Post" over "Phnom Penh"', () => {
    expect(linked('Prime Minister Hun Sen said')).toEqual(['Hun Sen→person:hun-sen']);
    expect(linked('the Phnom Penh Post reported from Phnom Penh')).toEqual([
      'Phnom Penh Post→organization:phnom-penh-post',
      'Phnom Penh→place:phnom-penh',
    ]);
  });

  it('marks the name, not the honorific in front of it', () => {
    expect(linked('for Mr Hun Sen to prepare')).toEqual(['Hun Sen→person:hun-sen']);
  });

  it('keeps a knighthood in the mark, as part of how the person is named', () => {
    const index = buildAliasIndex([
      entity('person:tom-harlow', 'person', 'Tom Harlow', [
        ['Sir Tom Harlow', false],
        ['Sir Tom', false],
      ]),
    ]);
    const marks = matchText('Sir Tom Harlow spoke; later Sir Tom left.', index).mentions;
    expect(marks.map((m) => m.text)).toEqual(['Sir Tom Harlow', 'Sir Tom']);
  });

  it('links a name written with diacritics, NBSP or a line break', () => {
    expect(linked('Mú Sóchua fled')).toEqual(['Mú Sóchua→person:mu-sochua']);
    expect(linked('Mu\u00A0Sochua fled')).toEqual(['Mu\u00A0Sochua→person:mu-sochua']);
    expect(linked('member Phom\nThan told')).toEqual(['Phom\nThan→person:phom-than']);
  });

  it('links curly and straight possessives without the ’s', () => {
    expect(linked("the CNRP’s and the CPP's members")).toEqual([
      'CNRP→organization:cnrp',
      'CPP→organization:cpp',
    ]);
  });

  it('never links an ordinary word that is also a short form', () => {
    expect(linked('Phom Than said it was worse than this')).toEqual(['Phom Than→person:phom-than']);
  });

  it('links an ambiguous short form only when the full name is in the same text', () => {
    expect(linked('said Phally, who did not heed the letter')).toEqual([]);
    expect(linked('said Phally. Earlier, Yim Phally refused.')).toEqual([
      'Phally→person:yim-phally',
      'Yim Phally→person:yim-phally',
    ]);
  });

  it('links a short form confirmed elsewhere on the page, and says which ones wait', () => {
    const alone = matchText('Nee declined to speculate', seedIndex());
    expect(alone.mentions).toEqual([]);
    expect([...alone.waitingEntityIds]).toEqual(['person:meas-nee']);
    const page = new Set(
      matchText('political analyst Meas Nee disagreed', seedIndex()).confirmedEntityIds,
    );
    expect(linked('Nee declined to speculate', { confirmedEntityIds: page })).toEqual([
      'Nee→person:meas-nee',
    ]);
  });

  it('links an unambiguous short form on its own', () => {
    expect(linked('However, Sochua argued')).toEqual(['Sochua→person:mu-sochua']);
  });

  it('prefers the unambiguous entity when a key names several', () => {
    const index = buildAliasIndex([
      entity('person:sen-a', 'person', 'Sen'),
      entity('person:hun-sen', 'person', 'Hun Sen', [['Sen', true]]),
    ]);
    expect(matchText('Sen spoke', index).mentions.map((mention) => mention.entityId)).toEqual([
      'person:sen-a',
    ]);
  });

  it('drops a key that stays ambiguous between entities', () => {
    const twins = buildAliasIndex([
      entity('person:kem-sokha-1', 'person', 'Kem Sokha'),
      entity('person:kem-sokha-2', 'person', 'Kem Sokha'),
    ]);
    expect(matchText('Kem Sokha spoke', twins).mentions).toEqual([]);
    const shortForms = buildAliasIndex([
      entity('person:sok-an', 'person', 'Sok An', [['Sok', true]]),
      entity('person:sok-eysan', 'person', 'Sok Eysan', [['Sok', true]]),
    ]);
    expect(
      matchText('Sok An and Sok Eysan met; Sok left', shortForms).mentions.map(
        (mention) => mention.text,
      ),
    ).toEqual(['Sok An', 'Sok Eysan']);
  });

  it('resolves the same way from a background reply as from the whole index', () => {
    const text = 'CNRP Deputy President Mu Sochua said Hun Sen’s ultimatum failed; Sen knew.';
    const candidates = findCandidates(text);
    const reply = answerKeys(seedIndex(), candidateKeys(candidates));
    expect(reply.length).toBeLessThan(10);
    expect(resolveMentions(candidates, groupHitsByKey(reply))).toEqual(
      resolveMentions(candidates, seedIndex()),
    );
  });
});
