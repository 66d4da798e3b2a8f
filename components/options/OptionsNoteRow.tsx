/**
 * One saved quote or note in the options page's list: a checkbox for bulk
 * actions, the quote, the note and tags edited in place (Save, or Ctrl+Enter),
 * and Delete (the list offers Undo).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';
import type { AnnotationRecord } from '@/lib/model/records';
import { isSubmitShortcut } from '@/components/shared/submit-shortcut';
import { LinkOrText } from '@/components/shared/LinkOrText';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Props of {@link OptionsNoteRow}. */
export interface OptionsNoteRowProps {
  record: AnnotationRecord;
  names: ReadonlyMap<string, string>;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** Saves the edited note and tags; resolves to a problem to show, or null. */
  onSave: (note: string, tags: string[]) => Promise<string | null>;
  onDelete: () => void;
}

/** Splits the tags field ("land, exile" or "land exile") into tags; the store tidies them. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((tag) => tag.replace(/^#/, ''))
    .filter(Boolean);
}

/** A row of the notes list. */
export function OptionsNoteRow(props: OptionsNoteRowProps) {
  const { record, names, selected, onSelect, onSave, onDelete } = props;
  const [note, setNote] = useState(record.note);
  const [tags, setTags] = useState(record.tags.join(', '));
  const [problem, setProblem] = useState<string | null>(null);
  // An edit saved elsewhere (the card on a page) replaces the fields unless they were being edited.
  useEffect(() => {
    setNote(record.note);
    setTags(record.tags.join(', '));
  }, [record.updated]);

  const dirty = note !== record.note || tags !== record.tags.join(', ');
  const label = record.quote?.exact.slice(0, 60) || record.note.slice(0, 60);
  const save = async () => setProblem(await onSave(note, splitTags(tags)));

  return (
    <li class="note-row" data-id={record.id}>
      <input
        type="checkbox"
        aria-label={t('selectNote', label)}
        checked={selected}
        onChange={(event) => onSelect(event.currentTarget.checked)}
      />
      <div class="note-body">
        {record.quote && <blockquote>{record.quote.exact}</blockquote>}
        <p class="note-meta">
          <LinkOrText url={record.url} newTab>
            {record.title || record.url}
          </LinkOrText>
          {' · '}
          {record.site} · {dateFormat.format(record.created)}
          {record.entityIds.length > 0 &&
            ` · ${record.entityIds.map((id) => names.get(id) ?? id).join(', ')}`}
        </p>
        <label>
          {t('note')}
          <textarea
            value={note}
            rows={2}
            onInput={(event) => setNote(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (isSubmitShortcut(event)) void save();
            }}
          />
        </label>
        <label>
          {t('tags')}
          <input type="text" value={tags} onInput={(event) => setTags(event.currentTarget.value)} />
        </label>
        {problem && <p role="alert">{problem}</p>}
        <div class="note-actions">
          <button type="button" class="danger-quiet" onClick={onDelete}>
            {t('delete')}
          </button>
          <button type="button" class="primary" disabled={!dirty} onClick={() => void save()}>
            {t('save')}
          </button>
        </div>
      </div>
    </li>
  );
}
