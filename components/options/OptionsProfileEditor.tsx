/**
 * Correcting one profile on the options page: each role with its source
 * sentence, and the corrections a reader can make — rename, edit a role's
 * title, stop marking the entity, add an alias, merge it into another entity.
 * Corrections are written with lib/store/corrections (apart from the bundle)
 * and the profile is read again so the reader sees them applied.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorText, t } from '@/lib/i18n/i18n';
import { sendRequest } from '@/lib/messaging/send';
import { bundleRoleTitles } from '@/lib/store/entity-names';
import type { DramatisDB } from '@/lib/store/db';
import type { EntitySuggestion } from '@/lib/model/views';
import { getEntityProfile } from '@/lib/store/profile-queries';
import { type EntityProfile } from '@/lib/model/profile';
import type { EntityCorrection } from '@/lib/model/records';
import { kindLabel } from '@/components/shared/RelatedEntities';
import { SourceSentence } from '@/components/shared/SourceSentence';

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
    const [next, roles] = await Promise.all([
      getEntityProfile(db, entityId),
      bundleRoleTitles(db, entityId),
    ]);
    setProfile(next);
    setBundleRoles(roles);
    setName(next?.name ?? '');
  };
  useEffect(() => {
    setStatus('');
    void load();
  }, [db, entityId]);

  const correct = async (patch: EntityCorrection, done: string) => {
    try {
      await sendRequest('correctEntity', { entityId, correction: patch });
      setStatus(done);
      await load();
    } catch (error) {
      setStatus(errorText(error));
    }
  };

  if (!profile) return <p aria-busy="true">{t('loadingTheProfile')}</p>;
  const merged = profile.id !== entityId;
  return (
    <div class="profile-editor" role="region" aria-label={t('correctProfile', profile.name)}>
      <h3>
        {profile.name} <span class="help">({kindLabel(profile.kind)})</span>
      </h3>
      {merged && <p class="help">{t('mergedNote', profile.name)}</p>}
      {profile.bundleName && <p class="help">{t('sourcesCallIt', profile.bundleName)}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void correct({ name: name.trim() }, t('renamed'));
        }}
      >
        <label>
          {t('name')}
          <input type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={merged || name.trim() === '' || name === profile.name}>
          {t('rename')}
        </button>
      </form>
      <h4>{t('rolesHeading')}</h4>
      {profile.roles.length === 0 && <p class="help">{t('noRoles')}</p>}
      <ul class="facts">
        {profile.roles.map((role, i) => (
          <li key={i}>
            <RoleEditor
              title={role.title}
              disabled={merged || bundleRoles[i] === undefined}
              onSave={(title) =>
                void correct({ roleTitles: { [bundleRoles[i]!]: title } }, t('roleCorrected'))
              }
            />{' '}
            <SourceSentence source={role.source} label={role.title} />
          </li>
        ))}
      </ul>
      <h4>{t('markingAndNames')}</h4>
      <label class="check">
        <input
          type="checkbox"
          checked={profile.hidden}
          disabled={merged}
          onChange={(e) =>
            void correct(
              { hidden: e.currentTarget.checked },
              e.currentTarget.checked ? t('noLongerMarked') : t('markedAgain'),
            )
          }
        />
        {t('dontMarkName')}
      </label>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void correct({ extraAliases: [alias] }, t('aliasAdded', [alias.trim(), profile.name]));
          setAlias('');
        }}
      >
        <label>
          {t('addAnotherName')}
          <input type="text" value={alias} onInput={(e) => setAlias(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={merged || alias.trim() === ''}>
          {t('addName')}
        </button>
      </form>
      <label>
        {t('mergeIntoLabel')}
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
              void correct({ mergedInto: option.id }, t('mergedInto', option.name));
            }}
          >
            {t('mergeIntoButton', option.name)}
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
        aria-label={t('roleTitle')}
        value={title}
        disabled={props.disabled}
        onInput={(e) => setTitle(e.currentTarget.value)}
      />
      <button
        type="button"
        disabled={props.disabled || title.trim() === '' || title === props.title}
        onClick={() => props.onSave(title.trim())}
      >
        {t('saveRole')}
      </button>
    </span>
  );
}
