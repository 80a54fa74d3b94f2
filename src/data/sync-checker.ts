import type { CheckedPage } from './sync-check';

export interface PageChecker {
  /** The page checked (sync-check.ts); throws when it is not a sync page at all. */
  check(body: unknown): Promise<CheckedPage>;
}

const inThread = async (body: unknown) => (await import('./sync-check')).checkPage(body);

/**
 * Checks pages in a worker where the browser has them, so that zod and the check of every row stay off the
 * main thread (a screen keeps answering while a sync runs); on the main thread where there is none (tests)
 * or the worker cannot start. The worker starts with the first page and serves every page after it.
 */
export function createPageChecker(): PageChecker {
  if (typeof Worker === 'undefined') return { check: inThread };
  let worker: Worker | undefined;
  let failed = false;
  let nextId = 0;
  const waiting = new Map<
    number,
    { body: unknown; resolve: (c: CheckedPage | Promise<CheckedPage>) => void; reject: (e: Error) => void }
  >();
  const start = () => {
    const started = new Worker(new URL('./sync-check.worker.ts', import.meta.url), { type: 'module' });
    started.addEventListener(
      'message',
      ({ data }: MessageEvent<{ id: number; checked?: CheckedPage; error?: string }>) => {
        const call = waiting.get(data.id);
        if (!call) return;
        waiting.delete(data.id);
        if (data.error !== undefined) call.reject(new Error(`sync page: ${data.error}`));
        else call.resolve(data.checked as CheckedPage);
      },
    );
    started.addEventListener('error', () => {
      failed = true;
      started.terminate();
      for (const call of waiting.values()) call.resolve(inThread(call.body));
      waiting.clear();
    });
    return started;
  };
  return {
    check(body) {
      if (failed) return inThread(body);
      worker ??= start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { body, resolve, reject });
        worker!.postMessage({ id, body });
      });
    },
  };
}
