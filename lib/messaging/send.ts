/**
 * The sending side of the protocol, for extension pages and content scripts.
 */
import { browser } from 'wxt/browser';
import {
  fail,
  request,
  SAVE_MESSAGES,
  type BackgroundMessageType,
  type ParamsOf,
  type ProtocolError,
  type Result,
  type ResultOf,
} from './protocol';
import { UserError } from '@/lib/model/user-error';

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

/**
 * How long after a failure the extension may still be going away under the
 * page. When Dramatis is updated or reloaded, the background stops first and a
 * page's script learns a moment later that it was cut off (`runtime.id` goes);
 * a send in between fails like a broken background.
 */
export const CUT_OFF_GRACE_MS = 1000;

/**
 * Logs `args` as an error after {@link CUT_OFF_GRACE_MS}, unless `stillThere`
 * then answers false: a failure caused by an update or reload of the
 * extension is not reported, or a live page would log one on every change.
 */
export function reportUnlessCutOff(stillThere: () => boolean, ...args: unknown[]): void {
  setTimeout(() => {
    if (stillThere()) console.error(...args);
  }, CUT_OFF_GRACE_MS);
}

let beforeFirstSave: (() => void) | null = null;

/**
 * Runs `callback` once, as this page sends its first message that saves
 * something ({@link SAVE_MESSAGES}). Extension pages use it to ask for
 * persistent storage on the reader's first save of any kind (the request must
 * come from a page, and after a reader's action); the content script never
 * sets it, its storage being the page's.
 */
export function whenFirstSave(callback: () => void): void {
  beforeFirstSave = callback;
}

/** False once Dramatis was updated or reloaded under this page's script. */
export const extensionThere = (): boolean => browser.runtime?.id != null;

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
  if (!extensionThere()) return fail('unreachable', reloaded());
  if (beforeFirstSave && SAVE_MESSAGES.has(type)) {
    const callback = beforeFirstSave;
    beforeFirstSave = null;
    callback();
  }
  let response: unknown;
  try {
    response = await browser.runtime.sendMessage(request(type, params));
  } catch (error) {
    reportUnlessCutOff(extensionThere, `Dramatis: sending ${type} failed:`, error);
    return fail('unreachable', extensionThere() ? unreachable() : reloaded());
  }
  if (!isResult(response)) {
    console.error(`Dramatis: ${type} got no answer from the background`, response);
    return fail('unreachable', unreachable());
  }
  // The background answers each type with that type's result (see router.ts).
  return response as Result<ResultOf<T>>;
}

/** A failed request as an Error: the answered message, and the reader's words when it carried them. */
export class RequestError extends Error {
  override name = 'RequestError';

  constructor(readonly error: ProtocolError) {
    super(error.message);
  }

  /** What the reader is told (lib/i18n's `errorText` reads it). */
  get userMessage(): ProtocolError['userMessage'] {
    return this.error.userMessage;
  }
}

/**
 * {@link sendMessage} for callers that handle failure with try/catch:
 * resolves to the value, or rejects with a {@link RequestError}.
 */
export async function sendRequest<T extends BackgroundMessageType>(
  type: T,
  params: ParamsOf<T>,
): Promise<ResultOf<T>> {
  const result = await sendMessage(type, params);
  if (result.ok) return result.value;
  throw new RequestError(result.error);
}
