import { NotificationReadPayload, SettingsUpdate } from '../../contract/person';
import { markNotificationRead } from '../notifications/store';
import { updateSettings } from '../settings/store';
import { defineHandler, type MutationHandlers, MutationRejected } from './mutations';

/** Every mutation type the client may send, with its payload schema. */
export const mutationHandlers: MutationHandlers = {
  'notification.read': defineHandler({
    payload: NotificationReadPayload,
    async apply(tx, person, { notificationId }) {
      if (!(await markNotificationRead(tx, person.id, notificationId))) {
        throw new MutationRejected('not_found', 'No such notification');
      }
    },
  }),
  'settings.update': defineHandler({
    payload: SettingsUpdate,
    async apply(tx, person, update) {
      await updateSettings(tx, person.id, update);
    },
  }),
};
