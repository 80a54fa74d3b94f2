// Checks sync pages off the main thread (sync-check.ts): zod's set-up and the check of every row are most
// of a sync's work, and a returning person's app syncs as it starts. Answers { id, checked } or { id, error }.
import './zod-jitless';
import { checkPage } from './sync-check';

addEventListener('message', ({ data }: MessageEvent<{ id: number; body: unknown }>) => {
  try {
    postMessage({ id: data.id, checked: checkPage(data.body) });
  } catch (error) {
    postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) });
  }
});
