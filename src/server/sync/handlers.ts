import { askAboutUse } from '../data-uses/questions';
import { MutationRejected } from '../errors';
import { answerFeedback, dismissFeedback } from '../feedback/answers';
import { declineMandate, grantMandate, revokeMandate } from '../mandates/store';
import { markNotificationRead } from '../notifications/store';
import { acceptOffer, confirmDuty, declineOffer, undoDecline } from '../offers/decisions';
import { updateSettings } from '../settings/store';
import type { MutationHandlers } from './mutations';

/** The handler of every mutation type of the contract (src/contract/mutations.ts), which also checks the payload. */
export const mutationHandlers: MutationHandlers = {
  'notification.read': async (tx, person, { notificationId }) => {
    if (!(await markNotificationRead(tx, person.id, notificationId))) {
      throw new MutationRejected('not_found', 'No such notification');
    }
  },
  'feedback.answer': (tx, person, answer) => answerFeedback(tx, person, answer),
  'feedback.dismiss': (tx, person, dismiss) => dismissFeedback(tx, person, dismiss),
  'offer.accept': (tx, person, accept, actor) => acceptOffer(tx, person, accept, undefined, actor),
  'offer.decline': (tx, person, decline, actor) => declineOffer(tx, person, decline, undefined, actor),
  'offer.undo_decline': (tx, person, undo, actor) => undoDecline(tx, person, undo, undefined, actor),
  'duty.confirm': (tx, person, confirm, actor) => confirmDuty(tx, person, confirm, undefined, actor),
  'mandate.grant': (tx, person, grant) => grantMandate(tx, person, grant),
  'mandate.revoke': (tx, person, revoke) => revokeMandate(tx, person, revoke),
  'mandate.decline': (tx, person, decline) => declineMandate(tx, person, decline),
  'data_use.ask': (tx, person, ask) => askAboutUse(tx, person, ask),
  'settings.update': async (tx, person, update) => {
    await updateSettings(tx, person.id, update);
  },
};
