// Checks a catalogue against the contract off the main thread: zod's set-up and the check of every
// text and link are the longest pieces of work of a first visit. Answers { catalogue } or { error }.
import './zod-jitless';
import { Catalogue } from '../contract/catalogue';

addEventListener('message', (event: MessageEvent<unknown>) => {
  const result = Catalogue.safeParse(event.data);
  postMessage(result.success ? { catalogue: result.data } : { error: result.error.message });
});
