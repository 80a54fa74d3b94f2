import type { Localized } from '../../contract/i18n';
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
    '{{agency}} määrab selle sulle ise. Kui sa seda ei soovi, saad loobuda hiljemalt {{deadline}}.',
    '{{agency}} will grant this to you on its own. If you do not want it, you can decline until {{deadline}}.',
    '{{agency}} назначит это вам сам. Если вы этого не хотите, можно отказаться до {{deadline}}.',
    '{{agency}} призначить це вам сам. Якщо ви цього не бажаєте, можна відмовитися до {{deadline}}.',
  ),
  notifyDuty: t(
    '{{agency}}: kontrolli oma andmeid hiljemalt {{deadline}}.',
    '{{agency}}: check your details by {{deadline}}.',
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
  accepted: t(
    'Nõustusid pakkumisega. {{agency}} tegeleb sellega.',
    'You accepted the offer. {{agency}} is dealing with it.',
    'Вы приняли предложение. Им занимается {{agency}}.',
    'Ви прийняли пропозицію. Нею займається {{agency}}.',
  ),
  declined: t(
    'Loobusid pakkumisest.',
    'You declined the offer.',
    'Вы отказались от предложения.',
    'Ви відмовилися від пропозиції.',
  ),
  expired: t(
    'Pakkumise tähtaeg möödus ilma sinu nõusolekuta. Vajaduse korral saad teenust taotleda avaldusega.',
    'The offer’s deadline passed without your consent. You can still apply for the service if you need it.',
    'Срок предложения истёк без вашего согласия. При необходимости вы можете подать заявление на услугу.',
    'Строк пропозиції минув без вашої згоди. За потреби ви можете подати заяву на послугу.',
  ),
  granted: t(
    'Teenus määrati sulle automaatselt, sest sa ei loobunud sellest.',
    'The service was granted to you automatically, as you did not decline it.',
    'Услуга назначена вам автоматически, так как вы от неё не отказались.',
    'Послугу призначено вам автоматично, оскільки ви від неї не відмовилися.',
  ),
  caseOpened: t(
    'Lisasime selle teenuse sinu elusündmuse juurde.',
    'We added this service to your life event.',
    'Мы добавили эту услугу к вашему жизненному событию.',
    'Ми додали цю послугу до вашої життєвої події.',
  ),
} satisfies Record<string, Localized>;
