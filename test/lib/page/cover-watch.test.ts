// @vitest-environment happy-dom
/**
 * The content script's view of whether the page paints over the card: what a
 * clickjacker would add (a see-through or pointer-less overlay after the card,
 * a modal, a faded host) counts; the article under the card does not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOST_Z_INDEX, isCardCovered } from '@/lib/page/cover-watch';

const CARD = new DOMRect(100, 100, 360, 220);
const openRoots = (element: Element) => element.shadowRoot;

/** Gives `element` a box in the viewport (happy-dom lays nothing out). */
function place(element: Element, box: DOMRect): void {
  element.getBoundingClientRect = () => box;
}

const FULL_SCREEN = new DOMRect(0, 0, 1280, 900);
let host: HTMLElement;

beforeEach(() => {
  document.body.innerHTML = '<p>An article about the Ostraven council.</p>';
  host = document.createElement('dramatis-popover');
  document.documentElement.append(host);
});

afterEach(() => {
  for (const element of [...document.documentElement.children]) {
    if (element !== document.head && element !== document.body) element.remove();
  }
});

/** An element appended after the card's host, like a page script would. */
function addAfterHost(style: string, box: DOMRect = FULL_SCREEN): HTMLElement {
  const overlay = document.createElement('div');
  overlay.setAttribute('style', style);
  place(overlay, box);
  document.documentElement.append(overlay);
  return overlay;
}

describe('isCardCovered', () => {
  it('is false for a page that only has its article', () => {
    const article = document.body.firstElementChild!;
    place(article, FULL_SCREEN);
    expect(isCardCovered(host, CARD, openRoots)).toBe(false);
  });

  it('sees a top-z-index overlay after the card even when it ignores the pointer', () => {
    addAfterHost(`position: fixed; inset: 0; z-index: ${HOST_Z_INDEX}; pointer-events: none`);
    expect(isCardCovered(host, CARD, openRoots)).toBe(true);
  });

  it('sees an overlay whose positioned ancestor carries the z-index', () => {
    const wrapper = addAfterHost(
      `position: fixed; z-index: ${HOST_Z_INDEX}`,
      new DOMRect(0, 0, 0, 0),
    );
    const decoy = document.createElement('div');
    place(decoy, new DOMRect(150, 150, 100, 40));
    wrapper.append(decoy);
    expect(isCardCovered(host, CARD, openRoots)).toBe(true);
  });

  it('sees an overlay inside a shadow root the opener can enter', () => {
    const shadowHost = addAfterHost(
      `position: fixed; z-index: ${HOST_Z_INDEX}`,
      new DOMRect(0, 0, 0, 0),
    );
    const root = shadowHost.attachShadow({ mode: 'closed' });
    const decoy = document.createElement('div');
    place(decoy, FULL_SCREEN);
    root.append(decoy);
    expect(isCardCovered(host, CARD, openRoots)).toBe(false);
    expect(isCardCovered(host, CARD, (element) => (element === shadowHost ? root : null))).toBe(
      true,
    );
  });

  it('ignores what cannot paint over the card', () => {
    // Lower z-index, elsewhere on screen, hidden, fully transparent, or before the card.
    addAfterHost('position: fixed; inset: 0; z-index: 10');
    addAfterHost(`position: fixed; z-index: ${HOST_Z_INDEX}`, new DOMRect(600, 500, 50, 50));
    addAfterHost(`position: fixed; inset: 0; z-index: ${HOST_Z_INDEX}; display: none`);
    addAfterHost(`position: fixed; inset: 0; z-index: ${HOST_Z_INDEX}; opacity: 0`);
    const before = document.createElement('div');
    before.setAttribute('style', `position: fixed; inset: 0; z-index: ${HOST_Z_INDEX}`);
    place(before, FULL_SCREEN);
    document.body.append(before);
    expect(isCardCovered(host, CARD, openRoots)).toBe(false);
  });

  it('sees the page fading or moving the card itself', () => {
    host.style.opacity = '0.05';
    expect(isCardCovered(host, CARD, openRoots)).toBe(true);
    host.style.opacity = '';
    document.documentElement.style.transform = 'scale(0.5)';
    expect(isCardCovered(host, CARD, openRoots)).toBe(true);
    document.documentElement.style.transform = '';
    expect(isCardCovered(host, CARD, openRoots)).toBe(false);
  });
});
