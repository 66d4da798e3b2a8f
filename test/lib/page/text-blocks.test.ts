// @vitest-environment happy-dom
/**
 * The page text the matcher sees: blocks of inline text with a map back to the
 * DOM, and the regions never scanned.
 */
import { describe, expect, it } from 'vitest';
import {
  blockContainerOf,
  isBlockConnected,
  isInSkippedSubtree,
  positionAt,
  walkTextBlocks,
  WholeElementBlock,
  type TextBlock,
} from '@/lib/page/text-blocks';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const texts = (root: Element): string[] => [...walkTextBlocks(root)].map((block) => block.text);

describe('walkTextBlocks', () => {
  it('joins the inline text of a paragraph, so a name split by markup reads whole', () => {
    expect(
      texts(body('<p>CNRP Deputy President <b>Mu</b> Sochua, who <a href="#">fled</a>.</p>')),
    ).toEqual(['CNRP Deputy President Mu Sochua, who fled.']);
  });

  it('turns <br> into a line break and keeps NBSP as written', () => {
    expect(texts(body('<p>spokesperson Sok<br>Eysan and Meas&nbsp;Nee</p>'))).toEqual([
      'spokesperson Sok\nEysan and Meas\u00a0Nee',
    ]);
  });

  it('never joins text across block elements', () => {
    expect(texts(body('<div>Intro Mu <p>Sochua said</p> Yim <li>Phally</li></div>'))).toEqual([
      'Intro Mu ',
      'Sochua said',
      ' Yim ',
      'Phally',
    ]);
  });

  it('opens no block for white space between blocks, but keeps spaces inside one', () => {
    const root = body('<article>\n<p>Hun Sen</p>\n  <p>Mu Sochua</p>\n</article>');
    expect([...walkTextBlocks(root)].map((block) => block.segments.length)).toEqual([1, 1]);
    expect(texts(body('<div>\n  <b>Hun</b> <i>Sen</i>\n</div>'))).toEqual(['Hun Sen\n']);
  });

  it('reads a paragraph of plain text whole, listing its text nodes only when asked', () => {
    const root = body('<article><p></p><p>Mu <b>Sochua</b></p></article>');
    const plain = root.querySelector('p')!;
    plain.append('Hun ', document.createComment('ad'), '', 'Sen spoke.');
    const [first, second] = [...walkTextBlocks(root)];
    expect(first).toBeInstanceOf(WholeElementBlock);
    expect(second).not.toBeInstanceOf(WholeElementBlock);
    expect(first!.text).toBe('Hun Sen spoke.');
    expect(first!.segments.map((segment) => segment.start)).toEqual([0, 4]);
    expect(positionAt(first!, 5)).toEqual({ node: plain.childNodes[3], offset: 1 });
    expect(isBlockConnected(first!)).toBe(true);
    plain.remove();
    expect(isBlockConnected(first!)).toBe(false);
  });

  it('skips scripts, code, form fields, editable regions, hidden and own UI', () => {
    const root = body(`
      <p>Hun Sen spoke.</p>
      <script>var name = "Hun Sen";</script><style>.x{}</style><noscript>Hun Sen</noscript>
      <pre>Hun Sen</pre><p>see <code>Hun Sen</code> and <kbd>Ctrl</kbd></p>
      <textarea>Hun Sen</textarea><select><option>Hun Sen</option></select>
      <div contenteditable="true">Hun Sen <b>draft</b></div><div contenteditable="">Mu Sochua</div>
      <div contenteditable="false">Kem Sokha</div>
      <div hidden>Meas Nee</div><svg><text>Sok Eysan</text></svg>
      <div data-dramatis-ui>So Platong</div>`);
    const all = texts(root).map((text) => text.trim());
    expect(all).toEqual(['Hun Sen spoke.', 'see', 'and', 'Kem Sokha']);
  });

  it('lets the caller skip hidden subtrees', () => {
    const root = body('<p>Mu Sochua</p><p class="gone">Hun Sen</p>');
    const blocks = [...walkTextBlocks(root, (element) => element.classList.contains('gone'))];
    expect(blocks.map((block) => block.text)).toEqual(['Mu Sochua']);
  });

  it('records each text node with its offset and the block container', () => {
    const root = body('<p id="p">A <b>Mu</b> Sochua</p>');
    const [block] = [...walkTextBlocks(root)] as [TextBlock];
    expect(block.container.id).toBe('p');
    expect(block.segments.map((segment) => [segment.node.data, segment.start])).toEqual([
      ['A ', 0],
      ['Mu', 2],
      [' Sochua', 4],
    ]);
  });
});

describe('positionAt', () => {
  const block = (): TextBlock => [...walkTextBlocks(body('<p>A <b>Mu</b> Sochua<br>Sok</p>'))][0]!;

  it('maps a block offset back to its text node and offset', () => {
    const at = positionAt(block(), 5)!;
    expect([at.node.data, at.offset]).toEqual([' Sochua', 1]);
  });

  it('puts a start on a node border at the later node, an end at the earlier one', () => {
    const b = block();
    expect(positionAt(b, 2, 'start')!.node.data).toBe('Mu');
    const end = positionAt(b, 4, 'end')!;
    expect([end.node.data, end.offset]).toEqual(['Mu', 2]);
  });

  it('has no position inside the line break of a <br>', () => {
    const b = block();
    expect(b.text).toBe('A Mu Sochua\nSok');
    expect(positionAt(b, 12, 'start')!.node.data).toBe('Sok');
    expect(positionAt(b, 11, 'end')!.node.data).toBe(' Sochua');
  });
});

describe('block containers and skipped subtrees', () => {
  it('finds the nearest block ancestor through inline elements', () => {
    const root = body('<article><p id="p"><a><b id="b">Mu</b></a></p></article>');
    expect(blockContainerOf(document.getElementById('b')!.firstChild!, root).id).toBe('p');
  });

  it('knows text inside an editor is skipped', () => {
    const root = body('<div contenteditable><p><b id="b">Mu</b></p></div>');
    expect(isInSkippedSubtree(document.getElementById('b')!.firstChild!, root)).toBe(true);
  });
});
