import { FeedbackAnswerPayload, FeedbackDismissPayload } from '../../contract/feedback';
import { OfferAcceptPayload, OfferDeclinePayload } from '../../contract/offers';
import { NotificationReadPayload, SettingsUpdate } from '../../contract/person';
import { MutationRejected } from '../errors';
import { answerFeedback, dismissFeedback } from '../feedback/answers';
import { markNotificationRead } from '../notifications/store';
import { acceptOffer, declineOffer } from '../offers/decisions';
import { updateSettings } from '../settings/store';
import { defineHandler, type MutationHandlers } from './mutations';

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
  'feedback.answer': defineHandler({
    payload: FeedbackAnswerPayload,
    apply: (tx, person, answer) => answerFeedback(tx, person, answer),
  }),
  'feedback.dismiss': defineHandler({
    payload: FeedbackDismissPayload,
    apply: (tx, person, dismiss) => dismissFeedback(tx, person, dismiss),
  }),
  'offer.accept': defineHandler({
    payload: OfferAcceptPayload,
    apply: (tx, person, accept) => acceptOffer(tx, person, accept),
  }),
  'offer.decline': defineHandler({
    payload: OfferDeclinePayload,
    apply: (tx, person, decline) => declineOffer(tx, person, decline),
  }),
  'settings.update': defineHandler({
    payload: SettingsUpdate,
    async apply(tx, person, update) {
      await updateSettings(tx, person.id, update);
    },
  }),
};
