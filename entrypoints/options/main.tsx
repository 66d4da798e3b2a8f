/** The options page: mounts the app; everything it shows lives in components/. */
import { render } from 'preact';
import { OptionsApp } from './OptionsApp';

function main(): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('options.html has no #app element');
  render(<OptionsApp />, root);
}

main();
