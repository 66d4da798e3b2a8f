/**
 * The popover page: follows the host's show/hide over the popover port, loads
 * the profile, renders the card, reports its size and closes on Escape.
 *
 * With `?entity=<id>` in its URL the page is a standalone preview of one card
 * (no port, nothing to size): for screenshots, tests and the reader who opens
 * it directly.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';
import { openSidePanel, prepareSidePanel } from './open-side-panel';
import { ProfileCard, ProfileCardMessage, ProfileCardSkeleton } from './ProfileCard';
import { SavedQuoteCard } from './SavedQuoteCard';
import { useCardTheme } from './card-theme';
import { useClickGuard } from './click-guard';
import { useEntityProfile } from '@/components/hooks/use-entity-profile';
import { usePopoverPort, type ShowRequest } from '@/components/hooks/use-popover-port';

/** One card in the trail of related entities the reader followed. */
interface TrailStep {
  id: string;
  /** The name the card had, for the "Back to …" button of the next card. */
  name: string | null;
}

const FOCUSABLE = 'button, [href], textarea, input, select, [tabindex]:not([tabindex="-1"])';

/** Props of {@link PopoverApp}. */
export interface PopoverAppProps {
  /** The entity of a standalone preview (`?entity=`), or null inside the host's iframe. */
  previewEntityId: string | null;
}

/** The whole popover page. */
export function PopoverApp({ previewEntityId }: PopoverAppProps) {
  const framed = previewEntityId === null;
  const { shown, covered, post } = usePopoverPort(framed);
  useCardTheme(framed, shown);
  // A hovered saved quote shows its own card (components/card/SavedQuoteCard.tsx).
  const quote = shown?.type === 'showQuote' ? shown : null;
  const entityShown = shown?.type === 'show' ? shown : null;
  const request: Omit<ShowRequest, 'theme'> | null = useMemo(
    () =>
      framed
        ? entityShown
        : { type: 'show', entityId: previewEntityId, mentionText: '', trigger: 'click' },
    [framed, entityShown, previewEntityId],
  );
  const [trail, setTrail] = useState<TrailStep[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const current = trail.at(-1)?.id ?? null;
  const handle = useEntityProfile(current);
  const root = useRef<HTMLDivElement>(null);
  const focusHeading = useRef(false);

  // A new show starts a new trail; the same show sent again (after `ready`) keeps the reader's place.
  useEffect(() => {
    setTrail(request ? [{ id: request.entityId, name: null }] : []);
    setStatus(null);
  }, [request?.entityId, request?.mentionText]);

  useEffect(() => void prepareSidePanel(), []);

  useFrameKeys(framed, root, post);
  // Clicks count only once the card has settled on screen, uncovered (clickjacking);
  // a profile that just loaded put new buttons under the pointer, so it settles anew.
  useClickGuard(framed, shown && `${JSON.stringify(shown)} ${handle.state.status}`, covered);
  useReportSize(framed, root, post);

  // Keyboard readers land on the card's first control; a hover must not steal focus.
  // After following a related entity, focus goes to the new name so it is announced.
  useEffect(() => {
    if (handle.state.status !== 'ready') return;
    if (focusHeading.current) {
      focusHeading.current = false;
      root.current?.querySelector<HTMLElement>('#card-name')?.focus();
    } else if (request?.trigger === 'keyboard' && trail.length === 1) {
      root.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    }
  }, [handle.state, request?.trigger, trail.length]);

  if (quote) {
    return (
      <div ref={root} class="frame">
        <SavedQuoteCard
          annotationId={quote.annotationId}
          justSaved={quote.justSaved}
          onClose={() => post({ type: 'close', reason: 'button' })}
        />
      </div>
    );
  }
  if (request === null || current === null) return <div ref={root} />;
  const { state } = handle;
  const previous = trail.length > 1 ? trail[trail.length - 2] : undefined;

  return (
    <div ref={root} class="frame">
      {state.status === 'loading' && <ProfileCardSkeleton />}
      {state.status === 'missing' && <ProfileCardMessage text={t('profileGone')} />}
      {state.status === 'error' && <ProfileCardMessage text={state.message} />}
      {state.status === 'ready' && (
        <ProfileCard
          profile={state.profile}
          mentionText={trail.length === 1 ? request.mentionText : undefined}
          status={status}
          back={
            previous && (
              <button
                type="button"
                class="link-button back"
                onClick={() => {
                  focusHeading.current = true;
                  setTrail(trail.slice(0, -1));
                }}
              >
                {previous.name ? t('backTo', previous.name) : t('backToPrevious')}
              </button>
            )
          }
          onOpenEntity={(id) => {
            if (id === current) return;
            focusHeading.current = true;
            setStatus(null);
            setTrail([
              ...trail.slice(0, -1),
              { id: current, name: state.profile.name },
              { id, name: null },
            ]);
          }}
          onAddNote={handle.addNote}
          onDeleteNote={handle.deleteNote}
          onUndoDeleteNote={handle.undoDelete}
          onOpenSidePanel={async () => {
            const problem = await openSidePanel(current);
            setStatus(problem);
            return problem;
          }}
          onClose={framed ? () => post({ type: 'close', reason: 'button' }) : undefined}
        />
      )}
    </div>
  );
}

/** Escape closes the card; Shift+Tab before the first control hands focus back to the page. */
function useFrameKeys(
  framed: boolean,
  root: { current: HTMLElement | null },
  post: ReturnType<typeof usePopoverPort>['post'],
): void {
  useEffect(() => {
    if (!framed) return;
    const onKey = (event: KeyboardEvent) => {
      // Controls that use Escape themselves (the note field) stop it first.
      if (event.key === 'Escape' && !event.defaultPrevented) {
        post({ type: 'close', reason: 'escape' });
        return;
      }
      if (event.key !== 'Tab') return;
      const controls = [...(root.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const edge = event.shiftKey ? controls[0] : controls.at(-1);
      // The iframe sits at the end of the page's DOM, so the browser's own tab
      // order out of it would land somewhere unrelated; the host puts focus back
      // on the name the card belongs to.
      if (edge && document.activeElement === edge) {
        event.preventDefault();
        post({ type: 'focus-return' });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [framed, root, post]);
}

/** Tells the host the card's size whenever it changes, so the iframe fits it. */
function useReportSize(
  framed: boolean,
  root: { current: HTMLElement | null },
  post: ReturnType<typeof usePopoverPort>['post'],
): void {
  useEffect(() => {
    const element = root.current;
    if (!framed || !element) return;
    let last = '';
    // The root is sized to its content (width: max-content in the page's CSS),
    // never to the iframe, or the iframe's size would feed back into the card's.
    const observer = new ResizeObserver(() => {
      const rect = element.getBoundingClientRect();
      const size = { width: Math.ceil(rect.width), height: Math.ceil(rect.height) };
      const key = `${size.width}x${size.height}`;
      if (key === last || size.width === 0) return;
      last = key;
      post({ type: 'size', ...size });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [framed, root, post]);
}
