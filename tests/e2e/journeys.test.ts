import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAgencyKey } from '../../src/server/agency/keys';
import { scheduleFeedback } from '../../src/server/feedback/requests';
import { browserSkipReason, waitForServiceWorker } from './browser';
import { holdRequests, readStore, signInAs } from './session';
import { useAppServer } from './suite';

const KADRI = '24304142717';

/** What a person does, end to end, on a phone: each journey signs in afresh on a fresh device. */
describe.skipIf(browserSkipReason())('journeys of a signed-in person', () => {
  const app = useAppServer();
  let context: BrowserContext;
  let page: Page;

  /** A fresh phone, signed in by nobody yet. */
  async function newDevice(options?: BrowserContextOptions) {
    ({ context, page } = await app.newPhone(options));
  }

  async function freshDevice() {
    await newDevice();
    await signInAs(page, app.server.url, 'Kadri Tamm');
  }

  async function query<T>(sql: string, params: unknown[] = []) {
    return (await app.server.db.query<T>(sql, params)).rows;
  }

  it('marks a message read offline; after a reload it is still queued; online it is applied once', async () => {
    await freshDevice();
    await page.goto(`${app.server.url}/inbox`);
    await page.getByRole('heading', { level: 2, name: /Welcome to Minu riik/ }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);

    await context.setOffline(true);
    await page
      .locator('li.notification', { hasText: 'Welcome to Minu riik' })
      .getByRole('button', { name: 'Mark as read' })
      .click();
    await page.getByText('1 change waiting to be sent').waitFor();
    await page.reload();
    await page.getByText('1 change waiting to be sent').waitFor();
    expect(await readStore(page, 'outbox')).toHaveLength(1);

    await context.setOffline(false);
    await expect.poll(async () => (await readStore(page, 'outbox')).length, { timeout: 15_000 }).toBe(0);
    const applied = await query<{ type: string }>(
      `SELECT m.type FROM applied_mutations m JOIN persons p ON p.id = m.person_id WHERE p.personal_code = $1`,
      [KADRI],
    );
    expect(applied).toEqual([{ type: 'notification.read' }]);
    const unread = await query(
      `SELECT 1 FROM notifications n JOIN persons p ON p.id = n.person_id
       WHERE p.personal_code = $1 AND n.title->>'en' = 'Welcome to Minu riik' AND n.read_at IS NULL`,
      [KADRI],
    );
    expect(unread).toEqual([]);
  });

  it('opens the parental-benefit offer, reads why, accepts it offline; after reload and online it is accepted once', async () => {
    await freshDevice();
    await page.getByRole('link', { name: 'The state offers: Parental benefit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Parental benefit' }).waitFor();
    const why = page.locator('section[aria-labelledby="offer-why"]');
    await why.locator('p.offer-basis', { hasText: 'Marta Tamm was born on 19 September 2026' }).waitFor();
    await why.getByText('Legal basis').waitFor();
    // The act by its official Estonian name with a translation, in Riigi Teataja, opening its version in force today.
    const act = why.getByRole('link', { name: /^Perehüvitiste seadus \(Family Benefits Act: parental benefit\)/ });
    expect(await act.getAttribute('href')).toBe('https://www.riigiteataja.ee/akt/108072016001?leiaKehtiv');
    await page.evaluate(() => navigator.serviceWorker.ready);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Accept the offer' }).click();
    await page.locator('.offer-status', { hasText: 'Pending' }).waitFor();
    await page.reload();
    await page.locator('.offer-status', { hasText: 'Pending' }).waitFor();
    expect((await readStore<{ type: string }>(page, 'outbox')).map((m) => m.type)).toEqual(['offer.accept']);

    await context.setOffline(false);
    await expect.poll(async () => (await readStore(page, 'outbox')).length, { timeout: 15_000 }).toBe(0);
    await page.locator('.offer-status', { hasText: 'Accepted' }).waitFor({ timeout: 15_000 });
    const accepted = await query<{ type: string }>(
      `SELECT m.type FROM applied_mutations m JOIN persons p ON p.id = m.person_id
       WHERE p.personal_code = $1 AND m.type = 'offer.accept'`,
      [KADRI],
    );
    expect(accepted).toHaveLength(1);
    const [state] = await query<{ offer: string; step: string }>(
      `SELECT o.status AS offer, s.status AS step FROM offers o JOIN steps s ON s.id = o.step_id
       JOIN persons p ON p.id = o.person_id WHERE p.personal_code = $1 AND s.sub_service_id = 'child-parental-benefit'`,
      [KADRI],
    );
    expect(state).toEqual({ offer: 'accepted', step: 'in_progress' });

    await page.goto(`${app.server.url}/events`);
    await page.getByRole('link', { name: /Having a child/ }).click();
    const step = page.locator('li.step', { has: page.getByRole('heading', { name: 'Parental benefit' }) });
    await step.locator('.status', { hasText: 'In progress' }).waitFor();
  });

  it('shows the new parent’s life event; an agency completes a step; after sync it shows, also offline', async () => {
    await freshDevice();
    await page.goto(`${app.server.url}/events`);
    await page.getByRole('link', { name: /Having a child/ }).click();
    const step = page.locator('li.step', { has: page.getByRole('heading', { name: 'Parental benefit' }) });
    await step.locator('.status', { hasText: 'In progress' }).waitFor();
    const progress = await page.locator('.progress span').first().textContent();

    const { key } = await createAgencyKey(app.server.db, 'ska', { scopes: ['service.status_changed'] });
    const reason = { et: 'Määratud.', en: 'Granted.', ru: 'Назначено.', uk: 'Призначено.' };
    const res = await fetch(`${app.server.url}/api/agency/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        id: 'e2e-parental-benefit',
        type: 'service.status_changed',
        occurredAt: new Date().toISOString(),
        personalCode: KADRI,
        subServiceId: 'child-parental-benefit',
        status: 'completed',
        reason,
      }),
    });
    expect(res.status).toBe(200);

    await page.getByRole('button', { name: 'Refresh' }).click();
    await step.locator('.status', { hasText: 'Done' }).waitFor();
    await step.locator('.step-reason', { hasText: 'Granted.' }).waitFor();
    expect(await page.locator('.progress span').first().textContent()).not.toBe(progress);
    await page.evaluate(() => navigator.serviceWorker.ready);

    // The service worker registers in an idle moment after the first paint: offline needs it active.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    await page.reload();
    await step.locator('.status', { hasText: 'Done' }).waitFor();
    await page.getByText('You are offline', { exact: false }).waitFor();
    await context.setOffline(false);
  });

  it('answers the feedback question by keyboard only, offline, and the answer arrives once', async () => {
    const [{ id: personId }] = await query<{ id: string }>('SELECT id FROM persons WHERE personal_code = $1', [KADRI]);
    const [step] = await query<{ id: string }>(
      `SELECT id FROM steps WHERE person_id = $1 AND sub_service_id = 'child-allowance'`,
      [personId],
    );
    await app.server.db.transaction((tx) =>
      scheduleFeedback(
        tx,
        {
          personId,
          stepId: step.id,
          subServiceId: 'child-allowance',
          agencyId: 'ska',
          eventServiceId: 'having-a-child',
        },
        new Date(Date.now() - 2 * 86_400_000),
      ),
    );
    await freshDevice();
    // A quiet card below the tasks, not a task with a deadline.
    const card = page.locator('section.feedback-card');
    await card.getByText('“Child allowance”', { exact: false }).waitFor();
    expect(await page.locator('#needs-action ~ ul').getByText('Child allowance').count()).toBe(0);
    await card.getByRole('link', { name: 'Answer the question' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your feedback' }).waitFor();
    // Nobody chooses the child allowance: asked how smooth it was, not whether to recommend it.
    await page.getByRole('group', { name: 'How smoothly did the service “Child allowance” go for you?' }).waitFor();
    expect(await page.getByText('recommend', { exact: false }).count()).toBe(0);
    // The 0–10 scale is one row of 11 on a 360 px phone, so its ends line up with their labels.
    await page.setViewportSize({ width: 360, height: 800 });
    const tops = await page
      .locator('.scale-option')
      .evaluateAll((options) => options.map((o) => Math.round(o.getBoundingClientRect().top)));
    expect(tops).toHaveLength(11);
    expect(new Set(tops).size).toBe(1);
    await context.setOffline(true);

    // Keyboard only: into the scale, arrows to 9, on through the form to Send.
    await page.getByRole('radio', { name: '0' }).first().focus();
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: '9' }).first().isChecked()).toBe(true);
    await page.keyboard.press('Tab'); // the comment
    await page.keyboard.type('Fast and clear.');
    await page.keyboard.press('Tab'); // Send
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect(await readStore(page, 'outbox')).toHaveLength(1);

    await context.setOffline(false);
    await expect.poll(async () => (await readStore(page, 'outbox')).length, { timeout: 15_000 }).toBe(0);
    expect(await query('SELECT question, score, smoothness, comment FROM feedback_answers')).toEqual([
      { question: 'smooth', score: 9, smoothness: 9, comment: 'Fast and clear.' },
    ]);
  });

  it('names each offer’s agency in the list, also when the catalogue arrives after the offers', async () => {
    await newDevice({ serviceWorkers: 'block' });
    const release = await holdRequests(page, '**/api/catalogue');
    await signInAs(page, app.server.url, 'Kadri Tamm', '/offers');
    const agency = page.locator('a.offer-card .card-meta').first();
    await agency.waitFor();
    expect(await agency.textContent()).toBe('ska'); // no catalogue yet: the agency's id stands in

    release();
    await expect.poll(() => agency.textContent(), { timeout: 10_000 }).toBe('Social Insurance Board');
  });

  it('asks only to check the details of an offer when none of them can be corrected', async () => {
    await newDevice();
    await signInAs(page, app.server.url, 'Oksana Kovalenko', '/offers');
    await page.locator('a.offer-card').first().click();
    const details = page.locator('form[aria-labelledby="offer-details"]');
    await details.locator('dl.offer-fields').waitFor();
    expect(await details.locator('input').count()).toBe(0);
    await details.getByText('Check them before you answer.').waitFor();
    expect(await details.getByText('text box').count()).toBe(0);
  });

  it('says the person’s data is on its way, not that all is calm, until the first sync has brought it', async () => {
    await newDevice({ serviceWorkers: 'block' });
    const release = await holdRequests(page, '**/api/sync**');
    await signInAs(page, app.server.url, 'Kadri Tamm');
    await page.getByText('Your information will appear here as soon as it arrives.').waitFor();
    expect(await page.getByRole('heading', { name: 'All is calm' }).count()).toBe(0);

    release();
    await page.locator('main a[href^="/events/"]').first().waitFor();
    expect(await page.getByText('Your information will appear here as soon as it arrives.').count()).toBe(0);
  });

  it('offers Refresh only while there is a network to refresh from', async () => {
    await freshDevice();
    const origin = new URL(page.url()).origin;
    const line = page.locator('.sync-line');
    const refresh = line.getByRole('button', { name: 'Refresh' });
    const banner = page.getByText('You are offline', { exact: false });
    await line.getByText(/^Updated /).waitFor();
    await refresh.waitFor();
    await waitForServiceWorker(context, page);

    await context.setOffline(true);
    await banner.waitFor();
    await expect.poll(() => refresh.count()).toBe(0);
    expect(await line.getByText(/^Updated /).count()).toBe(1);

    await context.setOffline(false);
    await refresh.waitFor();
    await expect.poll(() => banner.count()).toBe(0);

    // Opened offline: no Refresh from the start.
    await context.setOffline(true);
    await page.goto(`${origin}/events`);
    await banner.waitFor();
    await line.getByText(/^Updated /).waitFor();
    expect(await refresh.count()).toBe(0);
    await context.setOffline(false);
    await refresh.waitFor();
  });
});
