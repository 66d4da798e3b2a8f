/**
 * Keeping an MV3 service worker alive through long work. Chrome stops a worker
 * that has had no extension event or API call for 30 s, even while it awaits
 * IndexedDB, and a large profile import takes longer than that. Any extension
 * API call resets the timer, so one is made every 20 s while the work runs. A
 * worker stopped anyway (the browser closing, a 5-minute event) resumes the
 * import from its checkpoint on its next start (lib/store/chunked-import.ts).
 * Firefox's MV2 background page is never stopped; the calls cost nothing there.
 */

/** The least an extension API call can be: it reads nothing the reader owns. */
export interface KeepAliveApi {
  runtime: { getPlatformInfo(): Promise<unknown> };
}

const INTERVAL_MS = 20_000;

/** Resolves as `work` does, with the worker kept alive until then. */
export function keepAliveWhile<T>(api: KeepAliveApi, work: Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    api.runtime.getPlatformInfo().catch(() => undefined);
  }, INTERVAL_MS);
  return work.finally(() => clearInterval(timer));
}
