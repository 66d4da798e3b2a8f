/**
 * Correcting one profile on the options page: each role with its source
 * sentence, and the corrections a reader can make — rename, edit a role's
 * title, stop marking the entity, add an alias, merge it into another entity.
 * Corrections are written with lib/store/corrections (apart from the bundle)
 * and the profile is read again so the reader sees them applied.
 */
import { useEffect, useState } from 'preact/hooks';
import { correctEntity } from '@/lib/store/corrections';
import type { DramatisDB } from '@/lib/store/db';
import type { EntitySuggestion } from '@/lib/store/entity-search';
import { getEntityProfile, type EntityProfile } from '@/lib/store/profile-queries';
import type { EntityCorrection } from '@/lib/store/records';
import { kindLabel } from './RelatedEntities';
import { SourceSentence } from './SourceSentence';

/** Props of {@link OptionsProfileEditor}. */
export interface OptionsProfileEditorProps {
  db: DramatisDB;
  entityId: string;
  /** Finds entities by a typed name, for the merge target. */
  findEntities: (query: string, limit: number) => Promise<EntitySuggestion[]>;
}

/** The corrections form of one entity. */
export function OptionsProfileEditor({ db, entityId, findEntities }: OptionsProfileEditorProps) {
  const [profile, setProfile] = useState<EntityProfile | null>(null);
  const [bundleRoles, setBundleRoles] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [alias, setAlias] = useState('');
  const [mergeQuery, setMergeQuery] = useState('');
  const [mergeOptions, setMergeOptions] = useState<EntitySuggestion[]>([]);
  const [status, setStatus] = useState('');

  const load = async () => {
    const [next, entity] = await Promise.all([
      getEntityProfile(db, entityId),
      db.entities.get(entityId),
    ]);
    setProfile(next);
    setBundleRoles(entity?.roles.map((role) => role.title) ?? []);
    setName(next?.name ?? '');
  };
  useEffect(() => {
    setStatus('');
    void load();
  }, [db, entityId]);

  const correct = async (patch: EntityCorrection, done: string) => {
    try {
      await correctEntity(db, entityId, patch);
      setStatus(done);
      await load();
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };

  if (!profile) return <p aria-busy="true">Loading the profile…</p>;
  const merged = profile.id !== entityId;
  return (
    <div class="profile-editor" role="region" aria-label={`Correct ${profile.name}`}>
      <h3>
        {profile.name} <span class="help">({kindLabel(profile.kind)})</span>
      </h3>
      {merged && <p class="help">Merged: this entity’s mentions now open {profile.name}.</p>}
      {profile.bundleName && <p class="help">The sources call it {profile.bundleName}.</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void correct({ name: name.trim() }, 'Renamed.');
        }}
      >
        <label>
          Name
          <input type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={merged || name.trim() === '' || name === profile.name}>
          Rename
        </button>
      </form>
      <h4>Roles</h4>
      {profile.roles.length === 0 && <p class="help">No roles in the sources.</p>}
      <ul class="facts">
        {profile.roles.map((role, i) => (
          <li key={i}>
            <RoleEditor
              title={role.title}
              disabled={merged || bundleRoles[i] === undefined}
              onSave={(title) =>
                void correct({ roleTitles: { [bundleRoles[i]!]: title } }, 'Role corrected.')
              }
            />{' '}
            <SourceSentence source={role.source} label={role.title} />
          </li>
        ))}
      </ul>
      <h4>Marking and names</h4>
      <label class="check">
        <input
          type="checkbox"
          checked={profile.hidden}
          disabled={merged}
          onChange={(e) =>
            void correct(
              { hidden: e.currentTarget.checked },
              e.currentTarget.checked ? 'No longer marked on pages.' : 'Marked on pages again.',
            )
          }
        />
        Don’t mark this name on pages
      </label>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void correct(
            { extraAliases: [alias] },
            `“${alias.trim()}” will be marked as ${profile.name}.`,
          );
          setAlias('');
        }}
      >
        <label>
          Add another name for it
          <input type="text" value={alias} onInput={(e) => setAlias(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={merged || alias.trim() === ''}>
          Add name
        </button>
      </form>
      <label>
        Merge into (the same person or organization under another name)
        <input
          type="search"
          value={mergeQuery}
          onInput={(e) => {
            const query = e.currentTarget.value;
            setMergeQuery(query);
            void findEntities(query, 6).then((found) =>
              setMergeOptions(found.filter((f) => f.id !== entityId)),
            );
          }}
        />
      </label>
      <div class="merge-options">
        {mergeOptions.map((option) => (
          <button
            key={option.id}
            type="button"
            disabled={merged}
            onClick={() => {
              setMergeOptions([]);
              setMergeQuery('');
              void correct({ mergedInto: option.id }, `Merged into ${option.name}.`);
            }}
          >
            Merge into {option.name}
          </button>
        ))}
      </div>
      <p role="status" class="saved-status">
        {status}
      </p>
    </div>
  );
}

function RoleEditor(props: { title: string; disabled: boolean; onSave: (title: string) => void }) {
  const [title, setTitle] = useState(props.title);
  useEffect(() => setTitle(props.title), [props.title]);
  return (
    <span class="role-editor">
      <input
        type="text"
        aria-label="Role title"
        value={title}
        disabled={props.disabled}
        onInput={(e) => setTitle(e.currentTarget.value)}
      />
      <button
        type="button"
        disabled={props.disabled || title.trim() === '' || title === props.title}
        onClick={() => props.onSave(title.trim())}
      >
        Save role
      </button>
    </span>
  );
}
