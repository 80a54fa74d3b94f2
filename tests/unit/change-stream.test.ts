import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startChangeStream } from '../../src/data/change-stream';

class FakeEventSource extends EventTarget {
  static readonly CLOSED = 2;
  static all: FakeEventSource[] = [];
  closed = false;
  readyState = 0;
  constructor(readonly url: string) {
    super();
    FakeEventSource.all.push(this);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  /** The server answered with something else than a stream: the browser gives up on this source. */
  refuse() {
    this.readyState = FakeEventSource.CLOSED;
    this.emit('error');
  }
  emit(type: string, data = '') {
    this.dispatchEvent(Object.assign(new Event(type), { data }));
  }
}
const open = () => FakeEventSource.all.filter((s) => !s.closed);
let visibility: DocumentVisibilityState = 'visible';
const setVisibility = (state: DocumentVisibilityState) => {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
};

let stop: () => void;
beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.all = [];
  visibility = 'visible';
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});
afterEach(() => {
  stop?.();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the live status stream', () => {
  it('passes on cursor positions and is open only while the page is visible', () => {
    const cursors: string[] = [];
    stop = startChangeStream({ onCursor: (c) => cursors.push(c) });
    expect(open().map((s) => s.url)).toEqual(['/api/changes/stream']);
    open()[0].emit('cursor', 'c1.MTI');
    expect(cursors).toEqual(['c1.MTI']);
    setVisibility('hidden');
    expect(open()).toHaveLength(0);
    setVisibility('visible');
    setVisibility('visible');
    expect(open()).toHaveLength(1);
    expect(FakeEventSource.all).toHaveLength(2);
  });

  it('connects again after a drop with growing back-off, reset once connected', () => {
    stop = startChangeStream({ onCursor: () => {}, random: () => 1 });
    const drop = () => open()[0].emit('error');
    drop();
    expect(open()).toHaveLength(0);
    vi.advanceTimersByTime(999);
    expect(open()).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(open()).toHaveLength(1);
    drop();
    vi.advanceTimersByTime(1999);
    expect(open()).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(open()).toHaveLength(1);
    open()[0].emit('open');
    drop();
    vi.advanceTimersByTime(1000);
    expect(open()).toHaveLength(1);
    for (let i = 0; i < 10; i++) {
      drop();
      vi.advanceTimersByTime(60_000);
    }
    expect(open()).toHaveLength(1); // never more than a minute apart
  });

  it('gives way to a newer stream until the page becomes visible again, and stops when hidden meanwhile', () => {
    stop = startChangeStream({ onCursor: () => {} });
    open()[0].emit('replaced');
    expect(open()).toHaveLength(0);
    vi.advanceTimersByTime(120_000);
    expect(open()).toHaveLength(0);
    setVisibility('visible');
    expect(open()).toHaveLength(1);
    open()[0].emit('error');
    setVisibility('hidden');
    vi.advanceTimersByTime(120_000);
    expect(open()).toHaveLength(0);
  });

  it('stops for good when the server refuses the stream with a 401, and says so once', async () => {
    const statuses = [401];
    const fetch = vi.fn(async () => new Response(null, { status: statuses.shift() ?? 200 }));
    vi.stubGlobal('fetch', fetch);
    const signedOut = vi.fn();
    stop = startChangeStream({ onCursor: () => {}, onSignedOut: signedOut });
    open()[0].refuse();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(signedOut).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    setVisibility('hidden');
    setVisibility('visible');
    window.dispatchEvent(new Event('online'));
    expect(open()).toHaveLength(0);
    expect(FakeEventSource.all).toHaveLength(1);
  });

  it('tries again with back-off when the server refuses the stream for another reason (a 503)', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 503 }));
    vi.stubGlobal('fetch', fetch);
    const signedOut = vi.fn();
    stop = startChangeStream({ onCursor: () => {}, onSignedOut: signedOut, random: () => 1 });
    open()[0].refuse();
    await vi.advanceTimersByTimeAsync(0);
    setVisibility('visible'); // no second stream while the retry waits
    expect(open()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(open()).toHaveLength(1);
    expect(signedOut).not.toHaveBeenCalled();
  });
});
