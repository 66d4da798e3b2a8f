/**
 * The popup's "Add this article to sources": reads the tab's article, merges
 * what it says about people and organizations into the profile store, and
 * says what changed ("3 new people, 2 profiles updated") with Undo. The work
 * module (extraction pipeline, store) is loaded only on the click.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AddArticleOutcome } from '@/lib/messaging/add-article';
import type { AddSummary, KindCounts } from '@/lib/store/added-sources';
import type { TargetTab } from './use-target-tab';

/** Where the action stands. */
type State =
  | { step: 'idle' }
  | { step: 'busy'; doing: string }
  | { step: 'done'; outcome: AddArticleOutcome }
  | { step: 'undone'; title: string }
  | { step: 'failed'; message: string };

const loadActions = () => import('@/lib/messaging/article-actions');

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "3 new people, 1 new organization" — only the kinds that gained profiles. */
function createdText(created: KindCounts): string[] {
  const parts: string[] = [];
  if (created.people) parts.push(plural(created.people, 'new person', 'new people'));
  if (created.organizations)
    parts.push(plural(created.organizations, 'new organization', 'new organizations'));
  if (created.places) parts.push(plural(created.places, 'new place', 'new places'));
  return parts;
}

/** The summary line: "3 new people, 2 profiles updated"; "No new profiles" when the article added none. */
export function summaryText(summary: AddSummary): string {
  const parts = createdText(summary.created);
  if (summary.updated) parts.push(plural(summary.updated, 'profile updated', 'profiles updated'));
  return parts.length > 0 ? parts.join(', ') : 'No people or organizations found in it';
}

/** What the reader is told about an outcome. */
function outcomeText(outcome: AddArticleOutcome): string {
  switch (outcome.status) {
    case 'added':
      return `Added “${outcome.title}”: ${summaryText(outcome.summary)}.`;
    case 'already':
      return outcome.where === 'bundled'
        ? `“${outcome.title}” already ships with Dramatis; nothing changed.`
        : `“${outcome.title}” is already in your sources; nothing changed.`;
    case 'not-article':
      return outcome.message;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
  if (tab.id === null || !/^https?:/.test(tab.url ?? '')) return null;
  const tabId = tab.id;

  const add = async () => {
    setState({ step: 'busy', doing: 'Reading the article…' });
    try {
      const outcome = await (await loadActions()).addArticleInTab(tabId);
      setState({ step: 'done', outcome });
    } catch (error) {
      setState({ step: 'failed', message: messageOf(error) });
    }
  };
  const undo = async (documentId: string, title: string) => {
    setState({ step: 'busy', doing: 'Removing the article…' });
    try {
      await (await loadActions()).removeAddedArticle(documentId);
      setState({ step: 'undone', title });
    } catch (error) {
      setState({ step: 'failed', message: messageOf(error) });
    }
  };

  const busy = state.step === 'busy';
  const outcome = state.step === 'done' ? state.outcome : null;
  return (
    <section class="add-article" aria-labelledby="add-article-heading" aria-busy={busy}>
      <h2 id="add-article-heading" class="visually-hidden">
        Sources
      </h2>
      {(state.step === 'idle' || busy) && (
        <button type="button" onClick={() => void add()} disabled={busy}>
          Add this article to sources
        </button>
      )}
      <div role="status" class="add-article-status">
        {busy && <p class="hint">{state.doing}</p>}
        {outcome && (
          <p class={outcome.status === 'not-article' ? 'problem' : 'saved-status'}>
            {outcomeText(outcome)}
          </p>
        )}
        {state.step === 'undone' && (
          <p class="saved-status">Removed “{state.title}” from your sources.</p>
        )}
      </div>
      {outcome?.status === 'added' && (
        <button
          type="button"
          ref={undoButton}
          onClick={() => void undo(outcome.documentId, outcome.title)}
        >
          Undo
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
