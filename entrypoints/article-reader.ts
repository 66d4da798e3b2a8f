/**
 * Injected into a tab only when the reader asks to add its article to the
 * sources (background: scripting.executeScript in Chrome, tabs.executeScript
 * in Firefox). Its value, the article's text and metadata or null, is the
 * result of the injection. Kept out of the content script: Readability is
 * larger than the whole content script budget and is needed only on that click.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readArticle } from '@/lib/page/read-article';

export default defineUnlistedScript(() => readArticle(document));
