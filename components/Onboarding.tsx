/**
 * The welcome guide shown once after install: what Dramatis does, how to use
 * it, its shortcuts as the browser has them bound, and the privacy promise.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** A keyboard command and the keys the browser currently binds to it. */
interface Shortcut {
  description: string;
  keys: string;
}

/** Reads the shortcuts as bound now: the reader may have changed them in the browser's settings. */
async function loadShortcuts(): Promise<Shortcut[]> {
  const commands = await browser.commands.getAll();
  return commands
    .filter((command) => command.name !== '_execute_action' && command.description)
    .map((command) => ({
      description: command.description ?? '',
      keys: command.shortcut && command.shortcut.length > 0 ? command.shortcut : 'not set',
    }));
}

/** Props: the local demo's origin when `npm start` is serving it, else null. */
export interface OnboardingProps {
  demoOrigin: string | null;
}

/** The onboarding page's content. */
export function Onboarding({ demoOrigin }: OnboardingProps) {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    loadShortcuts().then(setShortcuts, (error: unknown) => {
      console.error('Dramatis onboarding: could not read the keyboard shortcuts', error);
      setShortcuts([]);
    });
  }, []);

  return (
    <main>
      <h1>Welcome to Dramatis</h1>
      <p class="lede">
        Dramatis marks the people, organizations and places you read about in the news, and tells
        you who they are: roles, affiliations, what they said, and where each fact comes from.
      </p>
      {demoOrigin && (
        <p class="demo">
          Try it now on the <a href={`${demoOrigin}/`}>local demo articles</a>.
        </p>
      )}
      <section aria-labelledby="how-hover">
        <h2 id="how-hover">Hover a name</h2>
        <p>
          Names Dramatis knows are underlined softly. Rest the pointer on one and a card opens with
          the person's roles, quotes and your own notes. Move into the card to keep it open; press{' '}
          <kbd>Esc</kbd> to close it.
        </p>
      </section>
      <section aria-labelledby="how-save">
        <h2 id="how-save">Save a quote</h2>
        <p>
          Select a passage, then open Dramatis from the toolbar (or right-click and choose "Save
          quote to Dramatis"). Add a note and tags; the quote is highlighted again when you come
          back to the page.
        </p>
      </section>
      <section aria-labelledby="how-search">
        <h2 id="how-search">Search what you saved</h2>
        <p>
          Open the side panel to search your quotes and notes by words, names, tags or site. Typos
          are forgiven.
        </p>
      </section>
      <section aria-labelledby="how-keys">
        <h2 id="how-keys">Keyboard shortcuts</h2>
        {shortcuts === null ? (
          <p>Reading your shortcuts…</p>
        ) : shortcuts.length === 0 ? (
          <p>
            No shortcuts are set. You can set them in your browser's extension shortcut settings.
          </p>
        ) : (
          <dl>
            {shortcuts.map((shortcut) => (
              <div key={shortcut.description}>
                <dt>
                  <kbd>{shortcut.keys}</kbd>
                </dt>
                <dd>{shortcut.description}</dd>
              </div>
            ))}
          </dl>
        )}
        <p>Change them in your browser's extension shortcut settings.</p>
      </section>
      <section aria-labelledby="privacy">
        <h2 id="privacy">Nothing leaves your browser</h2>
        <p>
          The profiles ship with the extension and everything you save stays in this browser's
          storage. Dramatis makes no network requests: no account, no server, no tracking.
        </p>
      </section>
    </main>
  );
}
