// @vitest-environment happy-dom
/**
 * What the content script reports to the popup, the context menu and the
 * shortcut: the page's address (canonical link resolved), the selection in
 * page-text offsets with an excerpt that describes exactly as the whole page
 * would, and the marked entities the selection overlaps, each once.
 */
import { afterEach, expect, it } from 'vitest';
import { describeQuote } from '@/lib/anchor/describe';
import { buildTextIndex } from '@/lib/page/text-index';
import { describeExcerpt } from '@/lib/anchor/describe';
import type { PageMention } from '@/lib/page/page-scanner';
import { readPage } from '@/lib/page/read-page';

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.getSelection()?.removeAllRanges();
});

/** A mention of `entityId` over `text` inside element `element`. */
function mention(element: Element, text: string, entityId: string, name: string): PageMention {
  const node = element.firstChild as Text;
  const start = node.data.indexOf(text);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + text.length);
  return {
    mention: { start, end: start + text.length, text, entityId, name, kind: 'person' },
    range,
    container: element,
  };
}

it('reports the selection with the entities inside it and the canonical address', () => {
  document.head.innerHTML = '<link rel="canonical" href="/national/cnrp">';
  document.title = 'CNRP alleges';
  document.body.innerHTML =
    '<p id="a">Mu Sochua spoke first.</p><p id="b">Then Yim Phally said he would not defect.</p><p id="c">Kem Sokha was not there.</p>';
  const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id)!);
  const mentions = [
    mention(a!, 'Mu Sochua', 'person:mu-sochua', 'Mu Sochua'),
    mention(b!, 'Yim Phally', 'person:yim-phally', 'Yim Phally'),
    mention(c!, 'Kem Sokha', 'person:kem-sokha', 'Kem Sokha'),
    mention(b!, 'Phally', 'person:yim-phally', 'Yim Phally'),
  ];
  const selected = document.createRange();
  selected.setStart(a!.firstChild!, 4); // inside "Sochua": a half-selected name counts
  selected.setEnd(b!.firstChild!, (b!.firstChild as Text).length);
  document.getSelection()!.addRange(selected);

  const report = readPage(document, mentions, ['orphan-1']);
  expect(report).toMatchObject({
    url: location.href,
    canonicalUrl: new URL('/national/cnrp', location.href).href,
    title: 'CNRP alleges',
    orphanedIds: ['orphan-1'],
  });
  expect(report.selection?.entities).toEqual([
    { id: 'person:mu-sochua', name: 'Mu Sochua' },
    { id: 'person:yim-phally', name: 'Yim Phally' },
  ]);
  const text = buildTextIndex(document.body).text;
  const start = text.indexOf('ochua spoke');
  const end = text.indexOf('defect.') + 'defect.'.length;
  expect(describeExcerpt(report.selection!)).toEqual({
    ...describeQuote(text, start, end),
    entities: report.selection!.entities,
  });
});

it('reports no selection when nothing is selected', () => {
  document.body.innerHTML = '<p>Text.</p>';
  expect(readPage(document, [], []).selection).toBeNull();
  expect(readPage(document, [], []).canonicalUrl).toBeNull();
});
