/** The card's related entities: buttons that show that entity's card in the same frame. */
import type { EntityKind } from '@/lib/profiles/bundle-format';
import type { RelatedProfile } from '@/lib/store/profile-queries';

/** A kind as the card words it. */
export const KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
};

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
      <h3 id="related-heading">Also in these stories</h3>
      <ul class="related">
        {related.map((entity) => (
          <li key={entity.id}>
            <button
              type="button"
              class={`chip kind-${entity.kind}`}
              title={`${KIND_LABELS[entity.kind]}, in ${entity.documents} shared ${entity.documents === 1 ? 'document' : 'documents'}`}
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
