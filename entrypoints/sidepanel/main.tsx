/** The side panel (Chrome side_panel, Firefox sidebar_action): search and this page's quotes. */
import { render } from 'preact';
import { followTheme } from '@/components/shared/apply-theme';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { DramatisDB } from '@/lib/store/db';
import { keepStoreOnFirstSave } from '@/components/shared/keep-store';

function main(): void {
  keepStoreOnFirstSave();
  const root = document.getElementById('app');
  if (!root) throw new Error('sidepanel.html has no #app element');
  const entityId = new URLSearchParams(location.search).get('entity');
  // Extension pages share the extension origin, so the panel reads the store directly (and live).
  const db = new DramatisDB();
  followTheme(db);
  render(<SidePanelApp db={db} entityId={entityId || null} />, root);
}

main();
