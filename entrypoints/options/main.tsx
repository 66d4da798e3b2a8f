/** The options page: mounts the app; everything it shows lives in components/. */
import { render } from 'preact';
import { DramatisDB } from '@/lib/store/db';
import { OptionsApp } from './OptionsApp';

function main(): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('options.html has no #app element');
  // The options page shares the extension origin, so it opens the store itself.
  render(<OptionsApp db={new DramatisDB()} />, root);
}

main();
