/**
 * The background's side of the protocol: a registry of one handler per message,
 * which checks every request's sender (./senders.ts: ours, and allowed to send
 * that message) and shape before a handler runs, and turns whatever the handler
 * does into a {@link Result}.
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
import { paramsProblem } from './param-shapes';
import { senderKindOf, senderProblem, type SenderPolicy } from './senders';
import { UserError, userMessageOf } from '@/lib/model/user-error';

/** Who sent a message, as the browser reports it. */
export type MessageSender = Browser.runtime.MessageSender;

/** One function per message to the background; it returns the value or throws. */
export type BackgroundHandlers = {
  [T in BackgroundMessageType]: (
    params: ParamsOf<T>,
    sender: MessageSender,
  ) => Promise<ResultOf<T>> | ResultOf<T>;
};

export type { SenderPolicy } from './senders';

/**
 * True for this extension's own pages and content scripts (see
 * {@link senderKindOf} for how each is recognised).
 */
export function isTrustedSender(sender: MessageSender, policy: SenderPolicy): boolean {
  return senderKindOf(sender, policy) !== null;
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
  const kind = senderKindOf(sender, policy);
  if (kind === null) {
    console.warn('Dramatis: refused a message from an unknown sender', { type, sender });
    return fail('forbidden', 'This extension only answers its own pages.');
  }
  if (!isBackgroundMessageType(type)) {
    return fail('bad-request', `Unknown message type: ${String(type)}`);
  }
  const problem = senderProblem(type, kind);
  if (problem !== null) {
    console.warn(`Dramatis: refused ${type} from ${kind}`, sender);
    return fail('forbidden', problem);
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
    return fail('bad-request', problem ?? paramsProblem(type));
  }
  const handler = handlers[type] as (
    params: ParamsOf<T>,
    sender: MessageSender,
  ) => Promise<ResultOf<T>> | ResultOf<T>;
  try {
    return ok(await handler(params, sender));
  } catch (error) {
    console.error(`Dramatis: handling ${type} failed:`, error);
    return fail(
      'failed',
      asUserError(error) ?? (error instanceof Error ? error.message : String(error)),
    );
  }
}

/** `error` as a {@link UserError} when it carries a message for the reader, also one that lost its class on the way. */
function asUserError(error: unknown): UserError | null {
  if (error instanceof UserError) return error;
  const message = userMessageOf(error);
  if (!message) return null;
  const english = error instanceof Error ? error.message : message.key;
  return new UserError(message.key, message.substitutions, english);
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
