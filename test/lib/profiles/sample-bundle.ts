/** A small valid bundle written out by hand, to corrupt one thing at a time in tests. */
import {
  BUNDLE_FORMAT_NAME,
  BUNDLE_FORMAT_VERSION,
  type ProfileBundle,
} from '@/lib/model/bundle-format';
import { bundleHash } from '@/lib/model/bundle-hash';

const TEXT = 'CNRP Deputy President Mu Sochua said the CPP does nothing without approval.';

/** A fresh copy each call, with a correct hash. */
export function sampleBundle(): ProfileBundle {
  const span = (text: string) => ({
    doc: 'doc0000000000001',
    start: TEXT.indexOf(text),
    end: TEXT.indexOf(text) + text.length,
  });
  const content: Pick<ProfileBundle, 'documents' | 'entities'> = {
    documents: [
      {
        id: 'doc0000000000001',
        origin: 'sochua.txt',
        title: 'Deputy president speaks',
        publisher: null,
        published: '2017-11-07',
        byline: ['Leonie Kijewski'],
        url: null,
        attribution: null,
        text: TEXT,
        wordCount: 12,
      },
    ],
    entities: [
      {
        id: 'organization:cnrp',
        kind: 'organization',
        name: 'CNRP',
        aliases: [
          { text: 'CNRP', key: 'CNRP', form: 'acronym', ambiguous: false, source: span('CNRP') },
        ],
        roles: [],
        affiliations: [],
        quotes: [],
        mentions: [{ doc: 'doc0000000000001', count: 1 }],
        related: [{ entityId: 'person:mu-sochua', documents: 1 }],
      },
      {
        id: 'person:mu-sochua',
        kind: 'person',
        name: 'Mu Sochua',
        aliases: [
          {
            text: 'Mu Sochua',
            key: 'mu sochua',
            form: 'name',
            ambiguous: false,
            source: span('Mu Sochua'),
          },
          {
            text: 'Sochua',
            key: 'sochua',
            form: 'short',
            ambiguous: false,
            source: span('Sochua'),
          },
        ],
        roles: [
          {
            title: 'Deputy President',
            organizationId: 'organization:cnrp',
            source: span('Deputy President'),
          },
        ],
        affiliations: [{ entityId: 'organization:cnrp', name: 'CNRP', source: span('CNRP') }],
        quotes: [],
        mentions: [{ doc: 'doc0000000000001', count: 1 }],
        related: [{ entityId: 'organization:cnrp', documents: 1 }],
      },
    ],
  };
  return {
    format: BUNDLE_FORMAT_NAME,
    version: BUNDLE_FORMAT_VERSION,
    hash: bundleHash(content),
    ...content,
  };
}

/** A JSON copy to damage freely: what a reader would get from a file. */
export function sampleJson(): BundleJson {
  return JSON.parse(JSON.stringify(sampleBundle())) as BundleJson;
}

/** A bundle as loosely typed JSON. */
export type BundleJson = Record<string, unknown> & { entities: Record<string, unknown>[] };
