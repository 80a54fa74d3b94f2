import type { Localized } from '../../contract/i18n';
import type { Queryable } from '../db/database';
import { createNotification } from '../notifications/store';
import { demoPeople } from './people';

const WELCOME: { title: Localized; body: Localized } = {
  title: {
    et: 'Tere tulemast Minu riiki',
    en: 'Welcome to Minu riik',
    ru: 'Добро пожаловать в Minu riik',
    uk: 'Ласкаво просимо до Minu riik',
  },
  body: {
    et: 'Siin näed, mida riik sinu heaks teeb: sinu elusündmused, pakkumised ja teenuste käik.',
    en: 'Here you see what the state does for you: your life events, offers and how your services are going.',
    ru: 'Здесь вы видите, что государство делает для вас: ваши жизненные события, предложения и ход услуг.',
    uk: 'Тут ви бачите, що держава робить для вас: ваші життєві події, пропозиції та перебіг послуг.',
  },
};

/** A first message in each demo person's inbox, once. */
export async function seedDemoNotifications(tx: Queryable): Promise<void> {
  for (const person of demoPeople) {
    const { rows } = await tx.query<{ id: string; has: boolean }>(
      `SELECT p.id, EXISTS (SELECT 1 FROM notifications n WHERE n.person_id = p.id AND n.title = $2) AS has
       FROM persons p WHERE p.personal_code = $1`,
      [person.personalCode, WELCOME.title],
    );
    if (!rows[0] || rows[0].has) continue;
    await createNotification(tx, rows[0].id, { topic: 'general', ...WELCOME, link: '/events' });
  }
}
