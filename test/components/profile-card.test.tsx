// @vitest-environment happy-dom
/**
 * The profile card as a reader sees it: the standalone preview of Mu Sochua
 * from the real seed, through the real background handlers.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopoverApp } from '@/components/card/PopoverApp';
import { ProfileCard } from '@/components/card/ProfileCard';
import type { DramatisDB } from '@/lib/store/db';
import type { EntityProfile } from '@/lib/model/profile';
import { startSeededBackground } from './seeded-background';

let db: DramatisDB;
beforeEach(async () => {
  db = await startSeededBackground();
  // tabs.getCurrent is not in the fake browser; the card warns and goes on.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await db.delete();
});

async function showCard(entityId = 'person:mu-sochua') {
  render(<PopoverApp previewEntityId={entityId} />);
  return screen.findByRole('dialog');
}

describe('the card of Mu Sochua', () => {
  it('shows a skeleton, then a dialog named after her', async () => {
    render(<PopoverApp previewEntityId="person:mu-sochua" />);
    expect(screen.getByText('Loading profile…')).toBeTruthy();
    const card = await screen.findByRole('dialog', { name: 'Mu Sochua' });
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('Mu Sochua');
    expect(card.textContent).toContain('Person');
  });

  it('shows her role, quotes, document count and related entities', async () => {
    const card = await showCard();
    expect(card.textContent).toContain('CNRP Deputy President');
    expect(card.textContent).toContain(
      'The CPP does not do anything without the approval of the central committee',
    );
    expect(card.textContent).toContain('(3 of 5)');
    expect(card.textContent).toContain('Mentioned in 1 document');
    const related = within(card).getByRole('heading', { name: 'Also in these stories' });
    const buttons = within(related.parentElement!).getAllByRole('button');
    expect(buttons).toHaveLength(8);
    expect(buttons[0]?.textContent).toBe('Cambodia National Rescue Party');
  });

  it('discloses the source sentence and document of a role on request', async () => {
    const card = await showCard();
    const source = within(card).getByRole('button', { name: 'Source of CNRP Deputy President' });
    expect(source.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(source);
    expect(source.getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(source.getAttribute('aria-controls')!)!;
    expect(panel.querySelector('mark')?.textContent).toBe('CNRP Deputy President Mu Sochua');
    expect(panel.textContent).toContain('who fled the country after being warned');
    expect(panel.textContent).toContain(
      'CNRP alleges local push to coerce officials into defecting',
    );
    expect(panel.textContent).toContain('Phnom Penh Post');
    expect(panel.textContent).toContain('2017');
  });

  it('opens a related entity in the same card, with a way back', async () => {
    const card = await showCard();
    fireEvent.click(
      within(card).getAllByRole('button', { name: 'Cambodia National Rescue Party' })[0]!,
    );
    await screen.findByRole('dialog', { name: 'Cambodia National Rescue Party' });
    fireEvent.click(screen.getByRole('button', { name: '← Back to Mu Sochua' }));
    await screen.findByRole('dialog', { name: 'Mu Sochua' });
  });

  it('says what to do for an entity the store no longer holds', async () => {
    render(<PopoverApp previewEntityId="person:somebody-removed" />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This profile is no longer in the store. Reload the page.',
    );
  });
});

describe('Add note', () => {
  it('saves with Ctrl+Enter and lists the note, stored about her', async () => {
    const card = await showCard();
    fireEvent.click(within(card).getByRole('button', { name: 'Add note' }));
    const field = screen.getByLabelText('Note about Mu Sochua');
    fireEvent.input(field, { target: { value: 'Ask about the 2019 return.' } });
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(screen.getByText('Ask about the 2019 return.')).toBeTruthy());
    await waitFor(() => expect(screen.queryByLabelText('Note about Mu Sochua')).toBeNull());
    const stored = await db.annotations.toArray();
    expect(stored).toMatchObject([
      { note: 'Ask about the 2019 return.', entityIds: ['person:mu-sochua'], quote: null },
    ]);
  });

  it('deletes a note with Undo at hand, and Undo puts it back as it was', async () => {
    const card = await showCard();
    fireEvent.click(within(card).getByRole('button', { name: 'Add note' }));
    const field = screen.getByLabelText('Note about Mu Sochua');
    fireEvent.input(field, { target: { value: 'Check the 2019 dates.' } });
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    await screen.findByText('Check the 2019 dates.');
    // Saving returns the focus to Add note on the next frame; the reader moves on from there.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Add note'));
    const [saved] = await db.annotations.toArray();
    fireEvent.click(within(card).getByRole('button', { name: /^Delete/ }));
    await waitFor(() => expect(screen.queryByText('Check the 2019 dates.')).toBeNull());
    expect(await db.annotations.count()).toBe(0);
    const undo = await within(card).findByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    await screen.findByText('Check the 2019 dates.');
    expect(await db.annotations.toArray()).toEqual([saved]);
    await waitFor(() => expect(within(card).queryByRole('button', { name: 'Undo' })).toBeNull());
  });

  it('tells the reader in words why a note was not saved', async () => {
    const card = await showCard();
    fireEvent.click(within(card).getByRole('button', { name: 'Add note' }));
    const field = screen.getByLabelText('Note about Mu Sochua');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Write something before saving/);
    fireEvent.input(field, { target: { value: 'x'.repeat(10_001) } });
    fireEvent.keyDown(field, { key: 'Enter', metaKey: true });
    expect(screen.getByRole('alert').textContent).toContain('at most 10,000 characters');
    expect(await db.annotations.count()).toBe(0);
  });

  it('Escape in the field cancels the note, not the card', async () => {
    const card = await showCard();
    fireEvent.click(within(card).getByRole('button', { name: 'Add note' }));
    fireEvent.keyDown(screen.getByLabelText('Note about Mu Sochua'), { key: 'Escape' });
    expect(screen.queryByLabelText('Note about Mu Sochua')).toBeNull();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});

describe('ProfileCard', () => {
  it('renders names and notes from the store as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const profile: EntityProfile = {
      id: 'person:x',
      kind: 'person',
      name: hostile,
      bundleName: null,
      hidden: false,
      correctionNote: null,
      roles: [{ title: hostile, organizationId: null, organizationName: null, source: null }],
      affiliations: [],
      quotes: [{ text: hostile, source: null }],
      quoteCount: 1,
      documentCount: 0,
      related: [],
      notes: [
        { id: 'n', text: hostile, quote: null, url: '', pageTitle: '', created: 0, updated: 0 },
      ],
      noteCount: 1,
    };
    const noop = async () => null;
    const { container } = render(
      <ProfileCard
        profile={profile}
        onOpenEntity={() => undefined}
        onAddNote={noop}
        onDeleteNote={noop}
        onUndoDeleteNote={noop}
        onOpenSidePanel={noop}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('dialog', { name: hostile })).toBeTruthy();
    expect(container.textContent?.split(hostile).length).toBe(5);
  });
});
