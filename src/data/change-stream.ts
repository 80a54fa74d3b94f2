const URL = '/api/changes/stream';
const MAX_DELAY_MS = 60_000;

export interface ChangeStreamOptions {
  /** Called with the server's cursor position: at once on connecting, then whenever it moves. */
  onCursor(cursor: string): void;
  random?: () => number;
}

/**
 * Keeps one server-sent-events stream open to GET /api/changes/stream while the page is visible and
 * the device online, and closes it when the page is hidden. A dropped stream connects again after
 * 1 s, 2 s, 4 s … at most a minute, with jitter. A stream another tab replaced waits until this page
 * becomes visible again.
 */
export function startChangeStream({ onCursor, random = Math.random }: ChangeStreamOptions): () => void {
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  function close() {
    source?.close();
    source = undefined;
    clearTimeout(retry);
    retry = undefined;
  }

  function open() {
    if (source || retry !== undefined || document.visibilityState !== 'visible' || !navigator.onLine) return;
    const stream = new EventSource(URL);
    source = stream;
    stream.addEventListener('open', () => {
      failures = 0;
    });
    stream.addEventListener('cursor', (event) => onCursor((event as MessageEvent<string>).data));
    stream.addEventListener('replaced', close);
    stream.addEventListener('error', () => {
      close();
      failures += 1;
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - 1)) * (0.5 + random() / 2);
      retry = setTimeout(() => {
        retry = undefined;
        open();
      }, delay);
    });
  }

  const onVisibility = () => {
    if (document.visibilityState === 'visible') open();
    else close();
  };
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('online', open);
  open();
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('online', open);
    close();
  };
}
