import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../src/contract/http';
import { makePersonalCode } from '../../src/contract/isikukood';
import { demoCodes } from '../../src/server/seed/people';
import { browserSkipReason, PHONE } from './browser';
import { signInAs } from './session';
import { useAppServer } from './suite';

/** A date as the English screens write it. */
const shownDate = (at: Date | string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Tallinn', dateStyle: 'long' }).format(new Date(at));

/**
 * Authorisations on phones: Aivar Mägi gives Maret Saar an authorisation, offline (pending, then
 * confirmed once online); Maret is told, sees it under "Whom you may act for" and declines it; Aivar sees
 * that. Liis Mägi, whom Aivar authorised for his pension, accepts his pension offer for him: Aivar's offer
 * says she did it. Then Aivar revokes her authorisation.
 */
describe.skipIf(browserSkipReason())('Authorisations', () => {
  const app = useAppServer();
  let aivar: Page;
  let other: BrowserContext;

  beforeAll(async () => {
    ({ page: aivar } = await app.newPhone());
    await signInAs(aivar, app.server.url, 'Aivar Mägi');
  });
  afterAll(() => other?.close());

  /** A second phone beside Aivar's, signed in as `name`. */
  async function phoneOf(name: string): Promise<Page> {
    await other?.close();
    other = await app.browser.newContext({ ...PHONE, locale: 'en-GB' });
    const page = await other.newPage();
    await signInAs(page, app.server.url, name);
    return page;
  }

  const card = (page: Page, section: string, name: RegExp) =>
    page.getByRole('region', { name: section }).locator('.mandate-card', { hasText: name });
  const refresh = (page: Page) => page.getByRole('button', { name: 'Refresh' }).click();

  it('Aivar sees whom he has authorised, and gives Maret a new authorisation offline: pending, then confirmed', async () => {
    await aivar.goto(`${app.server.url}/more`);
    await aivar.getByRole('link', { name: 'Authorisations' }).click();
    await aivar.getByRole('heading', { level: 1, name: 'Authorisations' }).waitFor();
    const liis = card(aivar, 'Who may act for you', /Liis Mägi/);
    await liis.waitFor();
    expect(await liis.textContent()).toMatch(/Valid.*An authorisation you gave.*See information and act.*Retirement/);

    await aivar.context().setOffline(true);
    await aivar.getByLabel('Their personal code').fill(demoCodes.maret);
    await aivar.getByLabel('See your information', { exact: true }).check();
    await aivar.getByLabel('Only the services of the life events I choose').check();
    await aivar.getByRole('button', { name: 'Give authorisation' }).click();
    // Nothing chosen: the form says so, and nothing is queued.
    await aivar.locator('.error-summary', { hasText: 'Choose at least one life event.' }).waitFor();
    await aivar.getByLabel('Getting married').check();
    await aivar.getByRole('button', { name: 'Give authorisation' }).click();
    await aivar.getByRole('status').filter({ hasText: 'waiting for confirmation' }).waitFor();
    const queued = card(aivar, 'Who may act for you', new RegExp(`Personal code ${demoCodes.maret}`));
    expect(await queued.textContent()).toMatch(/Pending.*not been confirmed yet.*sent when you are back online/);

    await aivar.context().setOffline(false);
    const maret = card(aivar, 'Who may act for you', /Maret Saar/);
    await maret.waitFor();
    await queued.waitFor({ state: 'detached' });
    expect(await maret.textContent()).toMatch(/Valid.*See information.*Getting married/);
  });

  it('a valid code nobody uses is refused by the server, in plain words, and nothing is listed', async () => {
    const nobody = makePersonalCode('1990-01-01', 'male', 999);
    await aivar.getByLabel('Their personal code').fill(nobody);
    await aivar.getByRole('button', { name: 'Give authorisation' }).click();
    await aivar
      .getByRole('region', { name: 'Give an authorisation' })
      .getByText('Not done: Giving an authorisation. No one with this personal code uses Minu riik.')
      .waitFor();
    expect(await aivar.getByText(`Personal code ${nobody}`).count()).toBe(0);
  });

  it('Maret is told, sees it under "Whom you may act for" and declines it; Aivar sees that she did', async () => {
    const maret = await phoneOf('Maret Saar');
    await maret.goto(`${app.server.url}/inbox`);
    await maret.getByText('Aivar Mägi has authorised you to see their information until').waitFor();
    await maret.goto(`${app.server.url}/authorisations`);
    const given = card(maret, 'Whom you may act for', /Aivar Mägi/);
    await given.waitFor();
    expect(await given.textContent()).toMatch(/An authorisation given to you/);
    await given.getByRole('button', { name: 'Decline authorisation' }).click();
    expect(await given.textContent()).toMatch(/Only Aivar Mägi can authorise you again/);
    await given.getByRole('button', { name: 'Yes, decline it' }).click();
    await given.getByText(`You declined it on ${shownDate(new Date())}.`).waitFor();

    await refresh(aivar);
    await card(aivar, 'Who may act for you', /Maret Saar/)
      .getByText(`Maret Saar declined it on ${shownDate(new Date())}.`)
      .waitFor();
  });

  it('Liis accepts Aivar’s pension offer for him; his offer says she did it', async () => {
    const { rows } = await app.server.db.query<{ id: string; person_id: string }>(
      `SELECT o.id, o.person_id FROM offers o JOIN persons p ON p.id = o.person_id
       WHERE p.personal_code = $1 AND o.sub_service_id = 'pension-old-age-offer' AND o.status = 'pending'`,
      [demoCodes.aivar],
    );
    const [offer] = rows;
    const liis = await phoneOf('Liis Mägi');
    const answer = await liis.evaluate(
      async ({ offer, header, value }) => {
        const res = await fetch('/api/mutations', {
          method: 'POST',
          headers: { 'content-type': 'application/json', [header]: value },
          body: JSON.stringify({
            mutations: [
              {
                id: crypto.randomUUID(),
                type: 'offer.accept',
                payload: { offerId: offer.id, fields: { bankAccount: 'EE382200221020145685' } },
                createdAt: new Date().toISOString(),
                subject: offer.person_id,
              },
            ],
          }),
        });
        return res.json();
      },
      { offer, header: CSRF_HEADER, value: CSRF_VALUE },
    );
    expect(answer.results[0].status).toBe('applied');

    await refresh(aivar);
    await aivar.goto(`${app.server.url}/offers/${offer.id}`);
    await aivar.getByText(`Done by Liis Mägi on ${shownDate(new Date())}.`).waitFor();
    // Not "You accepted": he did not.
    expect(await aivar.locator('.offer-status').textContent()).not.toMatch(/You accepted/);
  });

  it('Aivar revokes Liis’s authorisation after being told what that does; she sees it ended', async () => {
    await aivar.goto(`${app.server.url}/authorisations`);
    const liis = card(aivar, 'Who may act for you', /Liis Mägi/);
    await liis.getByRole('button', { name: 'Revoke authorisation' }).click();
    expect(await liis.textContent()).toMatch(/Liis Mägi will no longer see your information or act for you/);
    await liis.getByRole('button', { name: 'Yes, revoke it' }).click();
    await liis.getByText(`You revoked it on ${shownDate(new Date())}.`).waitFor();
    expect(await liis.getByRole('button', { name: 'Revoke authorisation' }).count()).toBe(0);

    const phone = await phoneOf('Liis Mägi');
    await phone.goto(`${app.server.url}/authorisations`);
    await card(phone, 'Whom you may act for', /Aivar Mägi/)
      .getByText(`Aivar Mägi revoked it on ${shownDate(new Date())}.`)
      .waitFor();
  });
});
