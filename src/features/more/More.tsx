import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { t } from '../../i18n';
import { InstallCard } from '../../ui/InstallCard';
import { Icon, type IconName } from '../../ui/icons';
import { Page } from '../../ui/Page';
import { SignOutCard } from '../auth/SignOut';

const LINKS: { href: string; key: string; icon: IconName }[] = [
  { href: '/help', key: 'more.help', icon: 'help' },
  { href: '/services', key: 'more.services', icon: 'services' },
  { href: '/my-data', key: 'more.my_data', icon: 'info' },
  { href: '/authorisations', key: 'more.mandates', icon: 'people' },
  { href: '/ratings', key: 'more.ratings', icon: 'ratings' },
  { href: '/settings', key: 'more.settings', icon: 'settings' },
  { href: '/accessibility', key: 'more.accessibility', icon: 'info' },
];

export default function More() {
  return (
    <Page title={t('more.title')}>
      <ul class="card-list">
        <For each={LINKS}>
          {(link) => (
            <li>
              <A class="card card-link card-row" href={link.href}>
                <Icon name={link.icon} />
                <span class="card-title">{t(link.key)}</span>
                <Icon name="chevron" class="card-chevron" />
              </A>
            </li>
          )}
        </For>
      </ul>
      <SignOutCard />
      <InstallCard />
    </Page>
  );
}
