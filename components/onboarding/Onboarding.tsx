/**
 * The welcome guide shown once after install: what Dramatis does, how to use
 * it, its shortcuts as the browser has them bound, and the privacy promise.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/i18n';
import { Message } from '@/components/shared/Message';
import { BrandMark } from '@/components/shared/BrandMark';
import { LiveImportProgress } from '@/components/shared/ImportProgress';

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
      keys:
        command.shortcut && command.shortcut.length > 0 ? command.shortcut : t('shortcutNotSet'),
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
      <header class="hero">
        <BrandMark size={44} />
        <h1>{t('welcomeHeading')}</h1>
        <p class="lede">{t('welcomeLede')}</p>
        <LiveImportProgress />
        {demoOrigin && (
          <p class="demo">
            <Message id="tryDemo" parts={[<a href={`${demoOrigin}/`}>{t('demoArticles')}</a>]} />
          </p>
        )}
      </header>
      <div class="steps">
        <section aria-labelledby="how-hover">
          <h2 id="how-hover">{t('hoverHeading')}</h2>
          <p>
            <Message id="hoverHelp" parts={[<kbd>Esc</kbd>]} />
          </p>
        </section>
        <section aria-labelledby="how-save">
          <h2 id="how-save">{t('saveHeading')}</h2>
          <p>{t('saveHelp')}</p>
        </section>
        <section aria-labelledby="how-search">
          <h2 id="how-search">{t('searchHeading')}</h2>
          <p>{t('searchHelp')}</p>
        </section>
      </div>
      <section aria-labelledby="how-keys">
        <h2 id="how-keys">{t('shortcutsHeading')}</h2>
        {shortcuts === null ? (
          <p>{t('readingShortcuts')}</p>
        ) : shortcuts.length === 0 ? (
          <p>{t('noShortcuts')}</p>
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
        <p>{t('changeShortcuts')}</p>
      </section>
      <section aria-labelledby="privacy">
        <h2 id="privacy">{t('privacyHeading')}</h2>
        <p>{t('privacyHelp')}</p>
      </section>
    </main>
  );
}
