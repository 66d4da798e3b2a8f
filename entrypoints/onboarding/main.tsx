/** The onboarding page, opened once on install: mounts the welcome guide. */
import { render } from 'preact';
import { Onboarding } from '@/components/onboarding/Onboarding';
import { t } from '@/lib/i18n/i18n';
import { keepStoreOnFirstSave } from '@/components/shared/keep-store';

function main(): void {
  keepStoreOnFirstSave();
  const root = document.getElementById('app');
  // The HTML's <title> is the English fallback; the tab shows the reader's language.
  document.title = t('onboardingTitle');
  if (!root) throw new Error('onboarding.html has no #app element');
  // Set only by `npm start`, which serves the demo articles while the browser is open.
  const demoOrigin = (import.meta.env.WXT_DEMO_ORIGIN as string | undefined) ?? null;
  render(<Onboarding demoOrigin={demoOrigin} />, root);
}

main();
