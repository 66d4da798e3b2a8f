/**
 * The sending side of the protocol, for extension pages and content scripts.
 */
import { browser } from 'wxt/browser';
import {
  fail,
  request,
  type BackgroundMessageType,
  type ParamsOf,
  type Result,
  type ResultOf,
} from './protocol';
import { UserError } from '@/lib/user-error';

/** What the reader is told when the background cannot be reached. */
const unreachable = () =>
  new UserError(
    'dramatisNotResponding',
    [],
    'Dramatis is not responding. Reload the extension or restart the browser.',
  );
/** What the reader is told when Dramatis was updated or reloaded under an open page. */
const reloaded = () =>
  new UserError('dramatisUpdated', [], 'Dramatis was updated. Reload the page to use it here.');

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : value.ok === false && 'error' in value;
}

/**
 * Sends a message to the background and resolves to its {@link Result}. Never
 * rejects: a background that cannot be reached, or that answers nothing, is an
 * `unreachable` error, so every caller handles failure in one place.
 */
export async function sendMessage<T extends BackgroundMessageType>(
  type: T,
  params: ParamsOf<T>,
): Promise<Result<ResultOf<T>>> {
  // The extension was updated or reloaded under this page: every send would throw
  // "Extension context invalidated", and logging each would flood the page's console.
  if (!browser.runtime?.id) return fail('unreachable', reloaded());
  let response: unknown;
  try {
    response = await browser.runtime.sendMessage(request(type, params));
  } catch (error) {
    console.error(`Dramatis: sending ${type} failed:`, error);
    return fail('unreachable', unreachable());
  }
  if (!isResult(response)) {
    console.error(`Dramatis: ${type} got no answer from the background`, response);
    return fail('unreachable', unreachable());
  }
  // The background answers each type with that type's result (see router.ts).
  return response as Result<ResultOf<T>>;
}
