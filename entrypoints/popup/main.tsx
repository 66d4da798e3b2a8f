/** The toolbar popup: mounts the app; everything it shows lives in components/. */
import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { keepStoreOnFirstSave } from '@/components/shared/keep-store';

function main(): void {
  keepStoreOnFirstSave();
  const root = document.getElementById('app');
  if (!root) throw new Error('popup.html has no #app element');
  render(<PopupApp />, root);
}

main();
