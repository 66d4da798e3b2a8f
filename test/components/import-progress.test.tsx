// @vitest-environment happy-dom
/**
 * The import's progress bar, as the options and welcome pages show it: a native
 * <progress class="progress"> labelled with what is happening and how far.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportProgress } from '@/components/shared/ImportProgress';
import type { ImportState } from '@/lib/model/records';

afterEach(cleanup);

function importing(phase: 'checking' | 'writing', done: number, total: number): ImportState {
  return {
    state: 'importing',
    startedAt: 1,
    progress: { hash: 'e'.repeat(64), phase, done, total, written: done + 1 },
  };
}

describe('ImportProgress', () => {
  it('shows how many profiles are loaded, of how many, on a labelled bar', () => {
    render(<ImportProgress state={importing('writing', 40_000, 100_000)} />);
    const bar = screen.getByRole('progressbar', { name: 'Loading profiles: 40,000 of 100,000' });
    expect(bar.tagName).toBe('PROGRESS');
    expect(bar.className).toBe('progress');
    expect(bar.getAttribute('value')).toBe('40000');
    expect(bar.getAttribute('max')).toBe('100000');
  });

  it('says when the file is still being checked', () => {
    render(<ImportProgress state={importing('checking', 500, 1_000)} />);
    expect(screen.getByText('Checking profiles: 500 of 1,000')).toBeTruthy();
  });

  it('is indeterminate before the file is opened', () => {
    render(<ImportProgress state={{ state: 'importing', startedAt: 1 }} />);
    const bar = screen.getByRole('progressbar', { name: 'Preparing the profiles…' });
    expect(bar.hasAttribute('value')).toBe(false);
  });

  it('shows nothing once the import is done or when none ran', () => {
    const { container } = render(
      <ImportProgress state={{ state: 'done', finishedAt: 2, changed: true }} />,
    );
    expect(container.innerHTML).toBe('');
    render(<ImportProgress state={null} />);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
