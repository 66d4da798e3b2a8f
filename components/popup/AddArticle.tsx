/**
 * The popup's "Add this article to sources": reads the tab's article, merges
 * what it says about people and organizations into the profile store, and
 * says what changed ("3 new people, 2 profiles updated") with Undo. The work
 * module (extraction pipeline) is loaded after the popup's first paint, on a
 * page that can be added, and warmed up while the reader reaches for the button.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, t, translate } from '@/lib/i18n/i18n';
import type { AddArticleOutcome } from './add-article-actions';
import type { AddSummary, KindCounts } from '@/lib/model/views';
import type { TargetTab } from '@/components/hooks/use-target-tab';

/** Where the action stands. */
type State =
  | { step: 'idle' }
  | { step: 'busy'; doing: string }
  | { step: 'done'; outcome: AddArticleOutcome }
  | { step: 'undone'; title: string }
  | { step: 'failed'; message: string };

const loadActions = () => import('./add-article-actions');

/** "3 new people, 1 new organization" — only the kinds that gained profiles. */
function createdText(created: KindCounts): string[] {
  const parts: string[] = [];
  if (created.people)
    parts.push(created.people === 1 ? t('newPeopleOne') : t('newPeopleMany', created.people));
  if (created.organizations)
    parts.push(
      created.organizations === 1
        ? t('newOrganizationsOne')
        : t('newOrganizationsMany', created.organizations),
    );
  if (created.places)
    parts.push(created.places === 1 ? t('newPlacesOne') : t('newPlacesMany', created.places));
  return parts;
}

/** The summary line: "3 new people, 2 profiles updated"; "No people or organizations found in it" when the article added none. */
export function summaryText(summary: AddSummary): string {
  const parts = createdText(summary.created);
  if (summary.updated)
    parts.push(
      summary.updated === 1 ? t('profilesUpdatedOne') : t('profilesUpdatedMany', summary.updated),
    );
  return parts.length > 0 ? parts.join(', ') : t('addArticleFoundNone');
}

/** What the reader is told about an outcome. */
function outcomeText(outcome: AddArticleOutcome): string {
  switch (outcome.status) {
    case 'added':
      return t('addedArticle', [outcome.title, summaryText(outcome.summary)]);
    case 'already':
      return outcome.where === 'bundled'
        ? t('articleShipsWithDramatis', outcome.title)
        : t('articleAlreadyAdded', outcome.title);
    case 'not-article':
      return translate(outcome.userMessage);
  }
}

/** The action, its busy state, the summary with Undo, and errors. */
export function AddArticle({ tab }: { tab: TargetTab }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const undoButton = useRef<HTMLButtonElement>(null);
  // The Add button goes away once clicked; the keyboard lands on Undo instead of the page's top.
  const added = state.step === 'done' && state.outcome.status === 'added';
  useEffect(() => {
    if (added) undoButton.current?.focus();
  }, [added]);
  const addable = tab.id !== null && /^https?:/.test(tab.url ?? '');
  // Between the popup's first paint and the click, load and warm the pipeline up: a reader's
  // hand takes longer to reach the button than the pipeline takes to be ready.
  useEffect(() => {
    if (!addable) return;
    // A failed warm-up costs nothing: the click loads the pipeline again and reports its own errors.
    const warm = setTimeout(() => {
      loadActions()
        .then((actions) => actions.warmPipeline())
        .catch(() => undefined);
    }, 50);
    return () => clearTimeout(warm);
  }, [addable]);
  if (!addable || tab.id === null) return null;
  const tabId = tab.id;

  const add = async () => {
    setState({ step: 'busy', doing: t('addArticleReading') });
    try {
      const outcome = await (await loadActions()).addArticleInTab(tabId);
      setState({ step: 'done', outcome });
    } catch (error) {
      setState({ step: 'failed', message: errorText(error) });
    }
  };
  const undo = async (documentId: string, title: string) => {
    setState({ step: 'busy', doing: t('addArticleRemoving') });
    try {
      await (await loadActions()).removeAddedArticle(documentId);
      setState({ step: 'undone', title });
    } catch (error) {
      setState({ step: 'failed', message: errorText(error) });
    }
  };

  const busy = state.step === 'busy';
  const outcome = state.step === 'done' ? state.outcome : null;
  return (
    <section class="add-article" aria-labelledby="add-article-heading" aria-busy={busy}>
      <h2 id="add-article-heading" class="visually-hidden">
        {t('sourcesHeading')}
      </h2>
      {(state.step === 'idle' || busy) && (
        <button type="button" class="add-article-button" onClick={() => void add()} disabled={busy}>
          {/* The glyph is drawn by CSS, so the button's text is its label alone. */}
          <span class="plus" aria-hidden="true" />
          {t('addArticle')}
        </button>
      )}
      <div role="status" class="add-article-status">
        {busy && (
          <div class="progress-block">
            <progress class="progress" aria-label={state.doing} />
            <span>{state.doing}</span>
          </div>
        )}
        {outcome && (
          <p class={outcome.status === 'not-article' ? 'problem' : 'saved-status'}>
            {outcomeText(outcome)}
          </p>
        )}
        {state.step === 'undone' && (
          <p class="saved-status">{t('articleRemovedFromSources', state.title)}</p>
        )}
      </div>
      {outcome?.status === 'added' && (
        <button
          type="button"
          ref={undoButton}
          onClick={() => void undo(outcome.documentId, outcome.title)}
        >
          {t('undo')}
        </button>
      )}
      {state.step === 'failed' && (
        <p class="problem" role="alert">
          {state.message}
        </p>
      )}
    </section>
  );
}
