/** A small hand-written collection for search tests, after the Phnom Penh Post seed article. */
import type { AnnotationRecord } from '@/lib/model/records';

const NAMES: Record<string, string> = {
  'person:mu-sochua': 'Mu Sochua',
  'person:kem-sokha': 'Kem Sokha',
  'person:hun-sen': 'Hun Sen',
  'org:cnrp': 'Cambodia National Rescue Party',
  'person:nguyen-van-an': 'Nguyễn Văn An',
};

/** Display names of the fixture entities. */
export const entityName = (id: string): string | undefined => NAMES[id];

/** An annotation with sensible defaults; `quote` is the exact text. */
export function annotation(
  id: string,
  fields: Partial<Omit<AnnotationRecord, 'quote'>> & { quote?: string | null },
): AnnotationRecord {
  const { quote = null, ...rest } = fields;
  return {
    id,
    url: `https://www.phnompenhpost.com/national/${id}`,
    title: 'CNRP alleges local push',
    site: 'www.phnompenhpost.com',
    created: 1_000,
    updated: 1_000,
    quote:
      quote === null ? null : { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
    position: null,
    note: '',
    tags: [],
    entityIds: [],
    ...rest,
  };
}

/** The collection most tests search. */
export function collection(): AnnotationRecord[] {
  return [
    annotation('sochua-farming', {
      quote: 'We are willing to do farming instead, Mu Sochua said of the party’s lawmakers.',
      entityIds: ['person:mu-sochua', 'org:cnrp'],
      tags: ['land'],
      updated: 5_000,
    }),
    annotation('sokha-arrest', {
      quote: 'Kem Sokha was arrested at his home in the middle of the night.',
      note: 'Charged with treason two days later.',
      entityIds: ['person:kem-sokha'],
      tags: ['courts'],
      updated: 4_000,
    }),
    annotation('dissolution', {
      quote: 'The Supreme Court dissolved the Cambodia National Rescue Party.',
      entityIds: ['org:cnrp'],
      tags: ['courts', 'elections'],
      updated: 3_000,
    }),
    annotation('hun-sen-speech', {
      quote: 'Hun Sen told officials that the opposition would not survive the year.',
      site: 'www.cambodiadaily.com',
      url: 'https://www.cambodiadaily.com/news/speech',
      title: 'Prime minister’s speech',
      entityIds: ['person:hun-sen'],
      updated: 2_000,
    }),
    annotation('page-note', {
      note: 'Ask Sóchua about the commune councils: follow up after the elections.',
      entityIds: ['person:mu-sochua'],
      tags: ['follow up'],
      updated: 6_000,
    }),
    annotation('viet', {
      quote: 'Nguyễn Văn An, a fisherman on the Mekong, said the catch had halved.',
      entityIds: ['person:nguyen-van-an'],
      tags: ['forests'],
      updated: 1_500,
    }),
  ];
}
