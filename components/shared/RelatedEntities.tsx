/** The card's related entities: buttons that show that entity's card in the same frame. */
import type { EntityKind } from '@/lib/model/bundle-format';
import type { RelatedProfile } from '@/lib/model/profile';
import { t } from '@/lib/i18n/i18n';

/** A kind as the card words it. */
export function kindLabel(kind: EntityKind): string {
  if (kind === 'person') return t('kindPerson');
  return kind === 'organization' ? t('kindOrganization') : t('kindPlace');
}

/** Props of {@link RelatedEntities}. */
export interface RelatedEntitiesProps {
  related: RelatedProfile[];
  onOpen: (entityId: string) => void;
}

/** Related entities as a list of buttons; nothing when there are none. */
export function RelatedEntities({ related, onOpen }: RelatedEntitiesProps) {
  if (related.length === 0) return null;
  return (
    <section class="card-section" aria-labelledby="related-heading">
      <h3 id="related-heading">{t('relatedHeading')}</h3>
      <ul class="related">
        {related.map((entity) => (
          <li key={entity.id}>
            <button
              type="button"
              class={`chip kind-${entity.kind}`}
              title={
                entity.documents === 1
                  ? t('relatedInOneDocument', kindLabel(entity.kind))
                  : t('relatedInDocuments', [kindLabel(entity.kind), entity.documents])
              }
              onClick={() => onOpen(entity.id)}
            >
              {entity.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
