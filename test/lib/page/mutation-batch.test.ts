// @vitest-environment happy-dom
/**
 * Which blocks a batch of DOM changes rescans: only the changed ones, never
 * inside editors or our own UI, and each block once.
 */
import { describe, expect, it } from 'vitest';
import { planRescan, type MutationLike } from '@/lib/page/mutation-batch';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const $ = (id: string): HTMLElement => document.getElementById(id)!;

function childList(target: Node, added: Node[] = [], removed: Node[] = []): MutationLike {
  return { type: 'childList', target, addedNodes: added, removedNodes: removed };
}

function characterData(target: Node): MutationLike {
  return { type: 'characterData', target, addedNodes: [], removedNodes: [] };
}

describe('planRescan', () => {
  it('rescans the block around changed text, not the page', () => {
    const root = page('<article><p id="a">Mu <b id="b">Sochua</b></p><p id="c">x</p></article>');
    const plan = planRescan([characterData($('b').firstChild!)], root);
    expect(plan.roots.map((element) => element.id)).toEqual(['a']);
    expect(plan.removed).toBe(false);
  });

  it('merges changes inside one block and keeps only the outermost blocks', () => {
    const root = page('<div id="live"><p id="a">one</p><p id="b">two</p></div>');
    const added = document.createElement('p');
    $('live').append(added);
    const plan = planRescan(
      [
        characterData($('a').firstChild!),
        characterData($('b').firstChild!),
        childList($('live'), [added]),
      ],
      root,
    );
    expect(plan.roots.map((element) => element.id)).toEqual(['live']);
  });

  it('ignores editors, scripts and our own UI', () => {
    const root = page(
      '<div contenteditable id="ed"><p id="p">Mu Sochua</p></div><div id="d"></div>',
    );
    const script = document.createElement('script');
    const ours = document.createElement('dramatis-popover');
    ours.setAttribute('data-dramatis-ui', '');
    $('d').append(script, ours);
    const plan = planRescan(
      [
        characterData($('p').firstChild!),
        childList($('ed'), [document.createTextNode('Hun Sen')]),
        childList($('d'), [script, ours]),
      ],
      root,
    );
    expect(plan.roots).toEqual([]);
  });

  it('drops the marks of removed text and rescans the block it left', () => {
    const root = page('<p id="a">Mu <span id="x">x</span>Sochua</p>');
    const removed = $('x');
    removed.remove();
    const plan = planRescan([childList($('a'), [], [removed])], root);
    expect(plan.removed).toBe(true);
    expect(plan.roots.map((element) => element.id)).toEqual(['a']);
  });

  it('skips changes to nodes that already left the page', () => {
    const root = page('<p id="a">text</p>');
    const gone = $('a');
    gone.remove();
    expect(planRescan([characterData(gone.firstChild!)], root).roots).toEqual([]);
  });
});
