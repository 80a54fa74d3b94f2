import { describe, it } from 'vitest';
import { browserSkipReason } from './browser';
import { openScreen, SCREENS, signIn, useLanguage } from './screens';
import { useAppServer } from './suite';

const WANTED = ['Dashboard', 'Offer', 'Help (own)', 'Feedback', 'My data (own)', 'Settings (own)', 'More (own)', 'Life event status'];
const LANGS = (process.env.SHOT_LANGS ?? 'et,ru,uk,en').split(',') as ('et' | 'ru' | 'uk' | 'en')[];

describe.skipIf(browserSkipReason())('shots', () => {
  const app = useAppServer();
  it('takes them', async () => {
    const { page } = await app.newPhone({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
    await signIn(page, app.server.url);
    for (const lang of LANGS) {
      await useLanguage(page, app.server.url, lang);
      let first = true;
      for (const name of WANTED) {
        const screen = SCREENS.find((s) => s.name === name)!;
        await openScreen(page, app.server.url, screen, first);
        first = false;
        await page.screenshot({ path: `/tmp/h26/shots/${lang}-${name.replace(/\W+/g, '_')}.png`, fullPage: true });
      }
    }
  }, 240_000);
});
