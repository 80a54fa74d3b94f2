const URL = '/api/changes/stream';
const MAX_DELAY_MS = 60_000;

export interface ChangeStreamOptions {
  /** Called with the server's cursor position: at once on connecting, then whenever it moves. */
  onCursor(cursor: string): void;
  /** Called once the server refused the stream with a 401: the stream then stays closed for good. */
  onSignedOut?(): void;
  random?: () => number;
}

/**
 * Keeps one server-sent-events stream open to GET /api/changes/stream while the page is visible and
 * the device online, and closes it when the page is hidden. A dropped stream connects again after
 * 1 s, 2 s, 4 s … at most a minute, with jitter. A stream another tab replaced waits until this page
 * becomes visible again. A stream refused because the session ended (401) is not tried again: it stops,
 * and whoever started it starts a new one after the next sign-in.
 */
export function startChangeStream({ onCursor, onSignedOut, random = Math.random }: ChangeStreamOptions): () => void {
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let checking = false;
  let stopped = false;
  let failures = 0;

  function close() {
    source?.close();
    source = undefined;
    clearTimeout(retry);
    retry = undefined;
  }

  function open() {
    if (source || retry !== undefined || checking || document.visibilityState !== 'visible' || !navigator.onLine)
      return;
    const stream = new EventSource(URL);
    source = stream;
    stream.addEventListener('open', () => {
      failures = 0;
    });
    stream.addEventListener('cursor', (event) => onCursor((event as MessageEvent<string>).data));
    stream.addEventListener('replaced', close);
    stream.addEventListener('error', () => {
      // A dropped connection leaves the source connecting; a refusal (any status but 200) closes it.
      const refused = stream.readyState === EventSource.CLOSED;
      close();
      failures += 1;
      if (!refused) return retryLater();
      checking = true;
      void refusedAsSignedOut().then((signedOut) => {
        checking = false;
        if (stopped) return;
        if (!signedOut) return retryLater();
        stop();
        onSignedOut?.();
      });
    });
  }

  function retryLater() {
    const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - 1)) * (0.5 + random() / 2);
    retry = setTimeout(() => {
      retry = undefined;
      open();
    }, delay);
  }

  const onVisibility = () => {
    if (document.visibilityState === 'visible') open();
    else close();
  };
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('online', open);
  const stop = () => {
    stopped = true;
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('online', open);
    close();
  };
  open();
  return stop;
}

/** An EventSource does not tell why the server refused it: this asks once, and drops the stream if one comes. */
async function refusedAsSignedOut(): Promise<boolean> {
  const controller = new AbortController();
  try {
    const response = await fetch(URL, { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
    return response.status === 401;
  } catch {
    return false; // offline again: the retry finds out
  } finally {
    controller.abort();
  }
}
