// @vitest-environment happy-dom
/**
 * Following a live page: batched rescans of changed blocks that a busy page
 * cannot postpone forever, and hidden parts rescanned when they are shown.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { watchPageChanges, type PageChanges } from '@/lib/page/page-changes';
import { walkTextBlocks } from '@/lib/page/text-blocks';

/**
 * Waits for the first batch, then as long again as the batch delay (150 ms),
 * so a second batch that should not exist would show. Polls rather than
 * sleeping a fixed time: on a loaded machine timers fire late.
 */
async function settle(calls: string[][]): Promise<void> {
  await vi.waitFor(() => expect(calls.length).toBeGreaterThan(0), { timeout: 5_000, interval: 20 });
  await new Promise((resolve) => setTimeout(resolve, 150));
}
let watcher: PageChanges | undefined;
afterEach(() => watcher?.stop());

function watch(html: string) {
  document.body.innerHTML = html;
  const calls: string[][] = [];
  watcher = watchPageChanges(document.body, (roots) =>
    calls.push(roots.map((root) => root.id || root.tagName)),
  );
  return calls;
}

it('hands on the changed blocks in one batch', async () => {
  const calls = watch('<p id="a">one</p><p id="b">two</p><p id="c">three</p>');
  document.getElementById('a')!.append(' more');
  document.getElementById('b')!.firstChild!.textContent = 'Hun Sen';
  await settle(calls);
  expect(calls).toEqual([['a', 'b']]);
});

it('is not postponed by a page that keeps changing', async () => {
  const calls = watch('<p id="ticker">0</p>');
  const ticker = document.getElementById('ticker')!;
  for (let i = 1; i <= 8; i++) {
    ticker.firstChild!.textContent = String(i);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  // Eight changes 40 ms apart outlast the 150 ms batch delay: a timer pushed
  // back by each change would not have fired yet.
  expect(calls.length).toBeGreaterThan(0);
});

it('rescans a hidden element once an attribute change shows it', async () => {
  const calls = watch('<div id="more" hidden><p id="p">Mao Vibol said.</p></div>');
  const isHidden = watcher!.trackHidden((element) => element.hasAttribute('hidden'));
  expect([...walkTextBlocks(document.body, isHidden)]).toEqual([]);
  document.getElementById('more')!.removeAttribute('hidden');
  await settle(calls);
  expect(calls).toEqual([['more']]);
});
