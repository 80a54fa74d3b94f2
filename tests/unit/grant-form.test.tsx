import 'fake-indexeddb/auto';
import { render } from 'solid-js/web';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addToDate, tallinnDate } from '../../src/contract/dates';
import { makePersonalCode } from '../../src/contract/isikukood';
import { db } from '../../src/data/db';
import { GrantForm } from '../../src/features/mandates/GrantForm';
import { checkGrant, emptyDraft, grantPayload } from '../../src/features/mandates/grant-form';
import { initI18n, setLanguage } from '../../src/i18n';

const today = tallinnDate();
const OWN = makePersonalCode('1950-02-19', 'male', 342);
const OTHER = makePersonalCode('1980-06-15', 'female', 123);

describe('checkGrant', () => {
  const draft = (change: Partial<ReturnType<typeof emptyDraft>> = {}) => ({ ...emptyDraft(today), ...change });

  it('passes a valid draft: by default view only, all services, for one year', () => {
    expect(emptyDraft(today)).toMatchObject({ scope: 'view', allServices: true, validUntil: addToDate(today, 1) });
    expect(checkGrant(draft({ personalCode: OTHER }), today, OWN)).toEqual([]);
    expect(checkGrant(draft({ personalCode: OTHER, validUntil: today }), today, OWN)).toEqual([]);
    expect(checkGrant(draft({ personalCode: OTHER, validUntil: addToDate(today, 3) }), today, OWN)).toEqual([]);
  });

  it('finds each problem the server would refuse, in the order of the form', () => {
    const bad = OTHER.slice(0, 10) + String((Number(OTHER[10]) + 1) % 10);
    expect(checkGrant(draft({ personalCode: '' }), today, OWN)).toEqual([['personalCode', 'code_missing']]);
    expect(checkGrant(draft({ personalCode: bad }), today, OWN)).toEqual([['personalCode', 'code_invalid']]);
    expect(checkGrant(draft({ personalCode: OWN }), today, OWN)).toEqual([['personalCode', 'code_self']]);
    expect(
      checkGrant(draft({ personalCode: 'x', allServices: false, validUntil: addToDate(today, 0, -1) }), today, OWN),
    ).toEqual([
      ['personalCode', 'code_invalid'],
      ['services', 'services_missing'],
      ['validUntil', 'until_past'],
    ]);
    const late = addToDate(addToDate(today, 3), 0, 1);
    expect(checkGrant(draft({ personalCode: OTHER, validUntil: late }), today, OWN)).toEqual([
      ['validUntil', 'until_too_late'],
    ]);
    expect(checkGrant(draft({ personalCode: OTHER, validUntil: '' }), today, OWN)).toEqual([
      ['validUntil', 'until_missing'],
    ]);
  });

  it('reads a code typed with spaces, and sends chosen services once each, sorted; all services as null', () => {
    const spaced = `${OTHER.slice(0, 5)} ${OTHER.slice(5)} `;
    expect(checkGrant(draft({ personalCode: spaced }), today, OWN)).toEqual([]);
    const chosen = draft({
      personalCode: spaced,
      allServices: false,
      services: ['retirement', 'marriage', 'retirement'],
    });
    expect(grantPayload(chosen, 'id')).toEqual({
      mandateId: 'id',
      personalCode: OTHER,
      scope: 'view',
      services: ['marriage', 'retirement'],
      validUntil: addToDate(today, 1),
    });
    expect(grantPayload(draft({ personalCode: OTHER }), 'id').services).toBeNull();
  });
});

describe('the form', () => {
  let root: HTMLDivElement;
  let dispose: () => void;

  beforeAll(async () => {
    await initI18n();
    await setLanguage('en');
    await db.profile.put({
      id: 'me',
      personId: '0a1d1e55-0000-4000-8000-000000000001',
      givenName: 'Aivar',
      familyName: 'Mägi',
      personalCode: OWN,
      birthDate: '1950-02-19',
    });
    root = document.createElement('div');
    document.body.append(root);
    dispose = render(() => <GrantForm rejection={null} />, root);
  });
  afterAll(() => {
    dispose();
    root.remove();
  });

  const input = (id: string, value: string) => {
    const el = root.querySelector<HTMLInputElement>(`#${id}`)!;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const submit = () => root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

  it('shows every problem at the top, linked to its field, and on the field; nothing is queued', async () => {
    input('grant-code', OWN);
    submit();
    await vi.waitFor(() =>
      expect(root.querySelector('.error-summary')?.textContent).toContain('your own personal code'),
    );
    input('grant-code', '1234');
    input('grant-until', addToDate(today, 4));
    root.querySelectorAll<HTMLInputElement>('input[name="grant-all"]')[1].click();
    submit();
    await vi.waitFor(() => expect(root.querySelectorAll('.error-summary a')).toHaveLength(3));
    const links = [...root.querySelectorAll('.error-summary a')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).toEqual([
      ['#grant-code', 'This personal code is not valid. Check it.'],
      ['#grant-services', 'Choose at least one life event.'],
      ['#grant-until', expect.stringContaining('up to 3 years')],
    ]);
    expect(root.querySelector('#grant-code')?.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#grant-code')?.getAttribute('aria-describedby')).toBe('grant-code-error');
    expect(root.querySelector('#grant-until')?.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#grant-until-hint')?.textContent).toContain('At most 3 years');
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues a valid authorisation as mandate.grant and says it waits for confirmation', async () => {
    input('grant-code', OTHER);
    input('grant-until', addToDate(today, 2));
    root.querySelectorAll<HTMLInputElement>('input[name="grant-all"]')[0].click();
    root.querySelector<HTMLInputElement>('input[name="grant-scope"][value="act"]')!.click();
    submit();
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      type: 'mandate.grant',
      payload: { personalCode: OTHER, scope: 'act', services: null, validUntil: addToDate(today, 2) },
      about: { table: 'mandates' },
    });
    expect(root.querySelector('.error-summary')).toBeNull();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toContain('waiting for confirmation'),
    );
    // The form starts again, empty.
    expect(root.querySelector<HTMLInputElement>('#grant-code')?.value).toBe('');
  });
});
