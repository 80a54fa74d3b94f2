import type { Localized } from '../../contract/i18n';
import type { OfferKind } from '../../contract/offers';
import { t } from '../rules/texts';

/** What the person reads about an offer in notifications and step histories; {{agency}} and {{deadline}} filled in. */
export const OFFER_TEXT = {
  notifyConsent: t(
    '{{agency}} teeb sulle pakkumise. Vaata andmed üle ja nõustu hiljemalt {{deadline}}.',
    '{{agency}} is making you an offer. Check the details and accept by {{deadline}}.',
    '{{agency}} делает вам предложение. Проверьте данные и согласитесь до {{deadline}}.',
    '{{agency}} робить вам пропозицію. Перевірте дані та погодьтеся до {{deadline}}.',
  ),
  notifyAutomatic: t(
    '{{agency}} määrab selle sulle ise. Kui sa seda ei soovi, saad loobuda kuni {{deadline}}.',
    '{{agency}} will grant this to you on its own. If you do not want it, you can decline until {{deadline}}.',
    '{{agency}} назначит это вам сам. Если вы этого не хотите, можно отказаться до {{deadline}}.',
    '{{agency}} призначить це вам сам. Якщо ви цього не бажаєте, можна відмовитися до {{deadline}}.',
  ),
  notifyDuty: t(
    '{{agency}}: kontrolli oma andmeid hiljemalt {{deadline}}.',
    '{{agency}}: please check your details by {{deadline}}.',
    '{{agency}}: проверьте свои данные до {{deadline}}.',
    '{{agency}}: перевірте свої дані до {{deadline}}.',
  ),
  stepConsent: t(
    '{{agency}} tegi sulle registri andmete põhjal pakkumise. Nõustu sellega hiljemalt {{deadline}}.',
    '{{agency}} has made you an offer based on register data. Accept it by {{deadline}}.',
    '{{agency}} сделал вам предложение на основании данных регистра. Примите его до {{deadline}}.',
    '{{agency}} зробив вам пропозицію на підставі даних реєстру. Прийміть її до {{deadline}}.',
  ),
  stepAutomatic: t(
    '{{agency}} määrab teenuse registri andmete põhjal ise. Kui sa seda ei soovi, loobu hiljemalt {{deadline}}.',
    '{{agency}} is granting the service on its own from register data. If you do not want it, decline by {{deadline}}.',
    '{{agency}} назначает услугу сам по данным регистра. Если она вам не нужна, откажитесь до {{deadline}}.',
    '{{agency}} призначає послугу сам за даними реєстру. Якщо вона вам не потрібна, відмовтеся до {{deadline}}.',
  ),
  stepDuty: t(
    '{{agency}} kutsus sind registri andmete põhjal. Kontrolli oma andmeid hiljemalt {{deadline}}.',
    '{{agency}} has called you from register data. Check your details by {{deadline}}.',
    '{{agency}} вызвал вас по данным регистра. Проверьте свои данные до {{deadline}}.',
    '{{agency}} викликав вас за даними реєстру. Перевірте свої дані до {{deadline}}.',
  ),
  confirmed: t(
    'Kinnitasid oma andmed. {{agency}} arvestab neid.',
    'You confirmed your details. {{agency}} will use them.',
    'Вы подтвердили свои данные. {{agency}} учтёт их.',
    'Ви підтвердили свої дані. {{agency}} врахує їх.',
  ),
  undone: t(
    'Võtsid loobumise tagasi. Pakkumine on jälle avatud kuni {{deadline}}.',
    'You took back your decline. The offer is open again until {{deadline}}.',
    'Вы отменили отказ. Предложение снова открыто до {{deadline}}.',
    'Ви скасували відмову. Пропозиція знову відкрита до {{deadline}}.',
  ),
  accepted: t(
    'Nõustusid pakkumisega. {{agency}} menetleb seda.',
    'You accepted the offer. {{agency}} is processing it.',
    'Вы приняли предложение. {{agency}} рассматривает его.',
    'Ви прийняли пропозицію. {{agency}} опрацьовує її.',
  ),
  declined: t(
    'Loobusid pakkumisest.',
    'You declined the offer.',
    'Вы отказались от предложения.',
    'Ви відмовилися від пропозиції.',
  ),
  expired: t(
    'Pakkumise tähtaeg möödus ilma nõusolekuta. Teenust saab vajaduse korral taotleda avaldusega.',
    'The offer’s deadline passed without your consent. You can still apply for the service if you need it.',
    'Срок предложения истёк без вашего согласия. При необходимости услугу можно запросить заявлением.',
    'Строк пропозиції минув без вашої згоди. За потреби послугу можна отримати за заявою.',
  ),
  granted: t(
    'Teenus määrati sulle automaatselt, sest sa ei loobunud sellest.',
    'The service was granted to you automatically, as you did not decline it.',
    'Услуга назначена вам автоматически, так как вы от неё не отказались.',
    'Послугу призначено вам автоматично, оскільки ви від неї не відмовилися.',
  ),
  caseOpened: t(
    'Elusündmus algas ja teenus lisati sinu toimingute hulka.',
    'The life event started and the service was added to your overview.',
    'Жизненное событие началось, и услуга добавлена в ваш обзор.',
    'Життєва подія почалася, і послугу додано до вашого огляду.',
  ),
} satisfies Record<string, Localized>;

/** The notification that tells the person of a new offer or duty. */
export const notifyText = (kind: OfferKind): Localized =>
  kind === 'duty' ? OFFER_TEXT.notifyDuty : kind === 'consent' ? OFFER_TEXT.notifyConsent : OFFER_TEXT.notifyAutomatic;

/** The reason in the step's history when the offer or duty is made. */
export const stepText = (kind: OfferKind): Localized =>
  kind === 'duty' ? OFFER_TEXT.stepDuty : kind === 'consent' ? OFFER_TEXT.stepConsent : OFFER_TEXT.stepAutomatic;
