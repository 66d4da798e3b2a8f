/** requestPersistentStorage: an answer, never an exception. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from '@/lib/store/persist';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('requestPersistentStorage', () => {
  it('does not ask again when the store is already persisted', async () => {
    const persist = vi.fn(async () => false);
    expect(await requestPersistentStorage({ persisted: async () => true, persist })).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('answers what the browser grants', async () => {
    expect(
      await requestPersistentStorage({ persisted: async () => false, persist: async () => true }),
    ).toBe(true);
    expect(await requestPersistentStorage({ persist: async () => false })).toBe(false);
  });

  it('answers false where the API is missing or fails', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await requestPersistentStorage({})).toBe(false);
    expect(
      await requestPersistentStorage({
        persist: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
      }),
    ).toBe(false);
    expect(console.warn).toHaveBeenCalledOnce();
  });
});
