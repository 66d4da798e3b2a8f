/**
 * The background's side of the protocol: a registry of one handler per message,
 * which checks every request's sender and shape before a handler runs and turns
 * whatever the handler does into a {@link Result}.
 */
import type { Browser, WxtBrowser } from 'wxt/browser';
import {
  fail,
  isBackgroundMessageType,
  isEnvelope,
  ok,
  PARAMS_PROBLEMS,
  PARAMS_VALIDATORS,
  type BackgroundMessageType,
  type ParamsOf,
  type Result,
  type ResultOf,
} from './protocol';

/** Who sent a message, as the browser reports it. */
export type MessageSender = Browser.runtime.MessageSender;

/** One function per message to the background; it returns the value or throws. */
export type BackgroundHandlers = {
  [T in BackgroundMessageType]: (
    params: ParamsOf<T>,
    sender: MessageSender,
  ) => Promise<ResultOf<T>> | ResultOf<T>;
};

/** What the background trusts: its own extension id and the origin of its own pages. */
export interface SenderPolicy {
  extensionId: string;
  /** `runtime.getURL('')`, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
}

/**
 * True for this extension's own pages and content scripts. The browser already
 * routes other extensions to `onMessageExternal`, but the check is kept here so
 * a future `externally_connectable` or a browser quirk cannot open the store to
 * others: content scripts carry a tab, extension pages our origin.
 */
export function isTrustedSender(sender: MessageSender, policy: SenderPolicy): boolean {
  if (sender.id !== policy.extensionId) return false;
  if (sender.tab !== undefined) return true;
  return typeof sender.url === 'string' && sender.url.startsWith(policy.extensionOrigin);
}

/** Answers one message; `null` when the message is not a Dramatis request, so other listeners may take it. */
export type MessageRouter = (
  message: unknown,
  sender: MessageSender,
) => Promise<Result<unknown>> | null;

/** Builds the background's router over `handlers`. */
export function createMessageRouter(
  handlers: BackgroundHandlers,
  policy: SenderPolicy,
): MessageRouter {
  return (message, sender) => {
    if (!isEnvelope(message)) return null;
    return dispatch(handlers, policy, message, sender);
  };
}

async function dispatch(
  handlers: BackgroundHandlers,
  policy: SenderPolicy,
  message: { type: unknown; params: unknown },
  sender: MessageSender,
): Promise<Result<unknown>> {
  const { type, params } = message;
  if (!isTrustedSender(sender, policy)) {
    console.warn('Dramatis: refused a message from an unknown sender', { type, sender });
    return fail('forbidden', 'This extension only answers its own pages.');
  }
  if (!isBackgroundMessageType(type)) {
    return fail('bad-request', `Unknown message type: ${String(type)}`);
  }
  return run(type, params, handlers, sender);
}

async function run<T extends BackgroundMessageType>(
  type: T,
  params: unknown,
  handlers: BackgroundHandlers,
  sender: MessageSender,
): Promise<Result<ResultOf<T>>> {
  const valid: (params: unknown) => params is ParamsOf<T> = PARAMS_VALIDATORS[type];
  if (!valid(params)) {
    const problem = PARAMS_PROBLEMS[type]?.(params);
    return fail('bad-request', problem ?? `Malformed params for ${type}`);
  }
  const handler = handlers[type] as (
    params: ParamsOf<T>,
    sender: MessageSender,
  ) => Promise<ResultOf<T>> | ResultOf<T>;
  try {
    return ok(await handler(params, sender));
  } catch (error) {
    console.error(`Dramatis: handling ${type} failed:`, error);
    return fail('failed', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Connects a router to `runtime.onMessage`. It replies through `sendResponse`
 * and returns `true` (keep the channel open) rather than returning a Promise:
 * that form works in Chrome, in Firefox, through webextension-polyfill and in
 * WXT's fake browser, which ignores a returned Promise.
 */
export function listenForMessages(
  onMessage: WxtBrowser['runtime']['onMessage'],
  router: MessageRouter,
): () => void {
  const listener = (
    message: unknown,
    sender: MessageSender,
    sendResponse: (response: Result<unknown>) => void,
  ): true | undefined => {
    const reply = router(message, sender);
    if (reply === null) return undefined;
    void reply.then(sendResponse);
    return true;
  };
  onMessage.addListener(listener);
  return () => onMessage.removeListener(listener);
}
