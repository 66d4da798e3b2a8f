/**
 * The profile card: who a marked name is, where each fact comes from, and the
 * reader's notes. A pure view of an {@link EntityProfile}; loading it and the
 * popover channel live in PopoverApp.
 */
import type { ComponentChildren } from 'preact';
import type { EntityProfile, ProfileAffiliation, ProfileRole } from '@/lib/model/profile';
import { t } from '@/lib/i18n/i18n';
import { EntityNotes, type NoteActionError } from './EntityNotes';
import { QuoteList } from './QuoteList';
import { kindLabel, RelatedEntities } from '@/components/shared/RelatedEntities';
import { SourceSentence } from '@/components/shared/SourceSentence';

/** What the card can ask of the page that shows it. */
export interface ProfileCardActions {
  /** Show another entity's card in the same frame. */
  onOpenEntity: (entityId: string) => void;
  onAddNote: (text: string) => Promise<NoteActionError>;
  onDeleteNote: (id: string) => Promise<NoteActionError>;
  onUndoDeleteNote: () => Promise<NoteActionError>;
  /** Open the side panel filtered to this entity; answers an error to show, or null. */
  onOpenSidePanel: () => Promise<NoteActionError>;
  /** Close the card (the host hides the frame). Absent in the standalone preview. */
  onClose?: () => void;
}

/** Props of {@link ProfileCard}. */
export interface ProfileCardProps extends ProfileCardActions {
  profile: EntityProfile;
  /** The name as the page wrote it ("Sochua's"); shown when it differs from the profile's name. */
  mentionText?: string;
  /** A "Back to …" button, when the card was reached from a related entity. */
  back?: ComponentChildren;
  /** A message from the last action that is not about notes (e.g. the side panel failed). */
  status?: string | null;
}

/** The same name written differently ("Sochua's", "MU SOCHUA") is not worth a second line. */
function differs(mention: string, name: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/['’]s$/i, '')
      .toLowerCase()
      .trim();
  return mention.trim() !== '' && fold(mention) !== fold(name);
}

/**
 * A role; its organization is named only when the card does not name it
 * already (in the title, or as an affiliation: "CNRP Deputy President" and
 * "Cambodia National Rescue Party" below it say enough).
 */
function RoleItem({ role, affiliated }: { role: ProfileRole; affiliated: ReadonlySet<string> }) {
  const { organizationId, organizationName } = role;
  const showOrganization =
    organizationName !== null &&
    !role.title.includes(organizationName) &&
    !(organizationId !== null && affiliated.has(organizationId));
  return (
    <li>
      <span class="fact">{role.title}</span>
      {showOrganization && <span class="fact-detail"> ({organizationName})</span>}{' '}
      <SourceSentence source={role.source} label={role.title} />
    </li>
  );
}

function AffiliationItem({
  affiliation,
  onOpen,
}: {
  affiliation: ProfileAffiliation;
  onOpen: (id: string) => void;
}) {
  return (
    <li>
      <button type="button" class="link-button fact" onClick={() => onOpen(affiliation.entityId)}>
        {affiliation.name}
      </button>{' '}
      <SourceSentence source={affiliation.source} label={affiliation.name} />
    </li>
  );
}

/** A list section with a heading, or nothing when empty. */
function FactSection({
  id,
  title,
  children,
  empty,
}: {
  id: string;
  title: string;
  children: ComponentChildren[];
  empty: boolean;
}) {
  if (empty) return null;
  return (
    <section class="card-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul class="facts">{children}</ul>
    </section>
  );
}

/** The whole card as a dialog labelled by the entity's name. */
export function ProfileCard(props: ProfileCardProps) {
  const { profile, mentionText, back, status } = props;
  const mentioned =
    profile.documentCount === 1
      ? t('mentionedInOneDocument')
      : t('mentionedInDocuments', profile.documentCount);
  const affiliated = new Set(profile.affiliations.map((a) => a.entityId));
  return (
    <div class="card" role="dialog" aria-labelledby="card-name" aria-describedby="card-kind">
      <header class="card-header">
        {back}
        <h2 id="card-name" tabIndex={-1}>
          {profile.name}
        </h2>
        <p id="card-kind" class="kind">
          <span class={`badge kind-badge kind-${profile.kind}`}>{kindLabel(profile.kind)}</span>
          <span class="mentions"> · {mentioned}</span>
          {mentionText && differs(mentionText, profile.name) && (
            <span class="mention"> · {t('writtenOnPage', mentionText)}</span>
          )}
        </p>
        {profile.bundleName && <p class="correction">{t('renamedProfile', profile.bundleName)}</p>}
        {profile.hidden && <p class="correction">{t('hiddenProfile')}</p>}
        {props.onClose && (
          <button type="button" class="close" aria-label={t('closeCard')} onClick={props.onClose}>
            ×
          </button>
        )}
      </header>
      <FactSection id="roles-heading" title={t('rolesHeading')} empty={profile.roles.length === 0}>
        {profile.roles.map((role, i) => (
          <RoleItem key={i} role={role} affiliated={affiliated} />
        ))}
      </FactSection>
      <FactSection
        id="affiliations-heading"
        title={t('affiliationsHeading')}
        empty={profile.affiliations.length === 0}
      >
        {profile.affiliations.map((affiliation, i) => (
          <AffiliationItem key={i} affiliation={affiliation} onOpen={props.onOpenEntity} />
        ))}
      </FactSection>
      <QuoteList quotes={profile.quotes} total={profile.quoteCount} />
      <RelatedEntities related={profile.related} onOpen={props.onOpenEntity} />
      <EntityNotes
        entityName={profile.name}
        notes={profile.notes}
        total={profile.noteCount}
        correctionNote={profile.correctionNote}
        onAdd={props.onAddNote}
        onDelete={props.onDeleteNote}
        onUndoDelete={props.onUndoDeleteNote}
      />
      <footer class="card-footer">
        <button type="button" class="link-button" onClick={() => void props.onOpenSidePanel()}>
          {t('openInSidePanel')}
        </button>
        {status && (
          <p class="form-error" role="alert">
            {status}
          </p>
        )}
      </footer>
    </div>
  );
}

/** The card's shape while the profile loads: grey bars where the name and facts will be. */
export function ProfileCardSkeleton() {
  return (
    <div class="card skeleton" aria-busy="true" role="status">
      <span class="visually-hidden">{t('loadingProfile')}</span>
      <div class="bar bar-title" />
      <div class="bar bar-short" />
      <div class="bar" />
      <div class="bar" />
    </div>
  );
}

/** What the card shows instead of a profile (unknown entity, background unreachable). */
export function ProfileCardMessage({ text }: { text: string }) {
  return (
    <div class="card message-card" role="alert">
      <p>{text}</p>
    </div>
  );
}
