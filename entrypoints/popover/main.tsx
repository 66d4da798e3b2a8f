/**
 * The popover page (`popover.html`): the profile card inside the iframe the
 * content script positions, or a standalone card with `?entity=<id>`.
 * Everything it shows lives in components/.
 */
import { render } from 'preact';
import { PopoverApp } from '@/components/card/PopoverApp';
import { t } from '@/lib/i18n/i18n';
import { keepStoreOnFirstSave } from '@/components/shared/keep-store';

function main(): void {
  keepStoreOnFirstSave();
  const root = document.getElementById('app');
  // The HTML's <title> is the English fallback; the tab shows the reader's language.
  document.title = t('popoverTitle');
  if (!root) throw new Error('popover.html has no #app element');
  // `?entity=` shows a card on its own (previews, screenshots), only as a tab
  // of its own: any site can frame this page, and framed it shows the
  // reader's data only once the content script that made the frame pairs it
  // (docs/ARCHITECTURE.md, principle 2).
  const framed = window.top !== window;
  const previewEntityId = framed ? null : new URLSearchParams(location.search).get('entity');
  render(<PopoverApp previewEntityId={previewEntityId || null} />, root);
}

main();
