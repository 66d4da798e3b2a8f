/** The side panel (Chrome side_panel, Firefox sidebar_action): the notes about `?entity=<id>`. */
import { render } from 'preact';
import { SidePanelNotes } from '@/components/SidePanelNotes';

function main(): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('sidepanel.html has no #app element');
  const entityId = new URLSearchParams(location.search).get('entity');
  render(<SidePanelNotes entityId={entityId || null} />, root);
}

main();
