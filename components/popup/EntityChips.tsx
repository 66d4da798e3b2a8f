/**
 * The entities a quote is about, as removable chips, and a field to add others
 * by name: the background fuzzy-matches what is typed against the store's
 * names and aliases (fuse.js), so "sochau" still offers Mu Sochua.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';
import type { QuoteEntity } from '@/lib/model/page-state';
import { sendMessage } from '@/lib/messaging/send';
import type { EntitySuggestion } from '@/lib/model/views';
import { kindLabel } from '@/components/shared/RelatedEntities';

/** Wait after the last keystroke before asking, so typing a name costs one search. */
const SEARCH_DELAY_MS = 120;

/** Props of {@link EntityChips}. */
export interface EntityChipsProps {
  entities: readonly QuoteEntity[];
  onChange: (entities: QuoteEntity[]) => void;
}

/** The chips and the add-by-name field. */
export function EntityChips({ entities, onChange }: EntityChipsProps) {
  const [typed, setTyped] = useState('');
  const [suggestions, setSuggestions] = useState<EntitySuggestion[]>([]);
  useEffect(() => {
    if (typed.trim() === '') return setSuggestions([]);
    const timer = setTimeout(() => {
      void sendMessage('searchEntities', { query: typed }).then((result) => {
        if (result.ok) setSuggestions(result.value.entities);
        else console.error('Dramatis: searching names failed:', result.error.message);
      });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const add = (entity: QuoteEntity) => {
    if (!entities.some((known) => known.id === entity.id)) onChange([...entities, entity]);
    setTyped('');
  };
  const offered = suggestions.filter((item) => !entities.some((known) => known.id === item.id));
  return (
    <div class="entities">
      <ul class="chips" aria-label={t('entitiesInQuote')}>
        {entities.map((entity) => (
          <li key={entity.id} class="chip">
            {entity.name}
            <button
              type="button"
              class="chip-remove"
              aria-label={t('removeEntity', entity.name)}
              onClick={() => onChange(entities.filter((known) => known.id !== entity.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <label for="add-entity">{t('addEntity')}</label>
      <input
        id="add-entity"
        type="text"
        autocomplete="off"
        value={typed}
        onInput={(event) => setTyped(event.currentTarget.value)}
      />
      {offered.length > 0 && (
        <ul class="suggestions" aria-label={t('matchingNames')}>
          {offered.map((item) => (
            <li key={item.id}>
              <button type="button" onClick={() => add({ id: item.id, name: item.name })}>
                {item.name} <span class="hint">{kindLabel(item.kind)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
