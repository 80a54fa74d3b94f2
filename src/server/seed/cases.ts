import type { StepActor, StepStatus } from '../../contract/cases';
import type { Localized } from '../../contract/i18n';
import { changeStep, openCase } from '../cases/store';
import type { Database } from '../db/database';
import { demoPeople } from './people';

/**
 * The demo people's cases, at different stages, with histories and due dates. Times come from the
 * people's facts where there are any (Marta's birth, Oksana's arrival, Daniil's 17th birthday) and
 * are otherwise counted back from now; no time is ever in the future, and the due dates still open
 * are counted from now, so the demo always has something coming up.
 *
 * Seeding goes through openCase and changeStep, as agency events do, so every row is in the change
 * log. A person who has any case gets none: running this at every start adds nothing.
 */

const DAY = 24 * 60 * 60 * 1000;

const t = (et: string, en: string, ru: string, uk: string): Localized => ({ et, en, ru, uk });

interface DemoChange {
  sub: string;
  /** Days after the case's start. */
  day: number;
  status: StepStatus;
  reason: Localized;
  /** Due date, in days from now. */
  dueInDays?: number;
  waitingOn?: string;
  actor?: StepActor;
}

interface DemoCase {
  personalCode: string;
  eventServiceId: string;
  subjectName?: string;
  /** When the life event began. */
  startedAt: Date;
  changes: DemoChange[];
}

const change = (
  sub: string,
  day: number,
  status: StepStatus,
  reason: Localized,
  extra: Pick<DemoChange, 'dueInDays' | 'waitingOn' | 'actor'> = {},
): DemoChange => ({ sub, day, status, reason, ...extra });

function factDate(personalCode: string, pick: (facts: (typeof demoPeople)[number]['facts']) => string): Date {
  const person = demoPeople.find((p) => p.personalCode === personalCode);
  if (!person) throw new Error(`no demo person ${personalCode}`);
  return new Date(`${pick(person.facts)}T08:00:00Z`);
}

const KADRI = '24304142717';
const MARTIN = '14102275188';
const AIVAR = '11202193427';
const OKSANA = '23906036155';
const DANIIL = '10805072234';
const MARTA = '22609190279';
const MARET = '23409254568';
const LIIS = '23711087040';

// Having a child: the same birth, seen by both parents.
const birth = {
  waitForName: t(
    'Haigla teatas lapse sünnist rahvastikuregistrile. Sünnikanne valmib, kui lapse nimi on valitud.',
    "The hospital notified the population register of the birth. The birth record will be completed once the child's name has been chosen.",
    'Больница сообщила о рождении ребёнка в регистр народонаселения. Запись о рождении будет завершена, когда будет выбрано имя ребёнка.',
    'Лікарня повідомила про народження дитини до реєстру населення. Запис про народження буде завершено, коли буде обрано ім’я дитини.',
  ),
  chooseName: t(
    'Laps on sündinud. Valige lapsele nimi ja esitage avaldus rahvastikuregistri e-teenuses ühe kuu jooksul.',
    'Your child has been born. Choose a name and submit the application in the population register e-service within one month.',
    'Ребёнок родился. Выберите ему имя и подайте заявление в э-услуге регистра народонаселения в течение месяца.',
    'Дитина народилася. Оберіть їй ім’я та подайте заяву в е-послузі реєстру населення протягом місяця.',
  ),
  nameSubmitted: t(
    'Avaldus nimega Marta Tamm on esitatud ja mõlemad vanemad on selle kinnitanud. Rahvastikuregister kontrollib avaldust.',
    'The application for the name Marta Tamm has been submitted and confirmed by both parents. The population register is checking it.',
    'Заявление с именем Marta Tamm подано и подтверждено обоими родителями. Регистр народонаселения проверяет его.',
    'Заяву з ім’ям Marta Tamm подано й підтверджено обома батьками. Реєстр населення перевіряє її.',
  ),
  nameEntered: t(
    'Lapse nimi Marta Tamm on rahvastikuregistrisse kantud.',
    "The child's name, Marta Tamm, has been entered in the population register.",
    'Имя ребёнка Marta Tamm внесено в регистр народонаселения.',
    'Ім’я дитини Marta Tamm внесено до реєстру населення.',
  ),
  registered: t(
    'Sünd on registreeritud ja Marta andmed on rahvastikuregistris, kust teised asutused neid näevad.',
    "The birth is registered and Marta's details are in the population register, where other agencies can see them.",
    'Рождение зарегистрировано, данные Марты внесены в регистр народонаселения, и другие учреждения видят их оттуда.',
    'Народження зареєстровано, дані Марти внесено до реєстру населення, і інші установи бачать їх звідти.',
  ),
  insuranceInProgress: t(
    'Tervisekassa vormistab Marta ravikindlustust rahvastikuregistri andmete põhjal.',
    "The Health Insurance Fund is arranging Marta's health insurance from the population register data.",
    'Касса здоровья оформляет медицинскую страховку Марты по данным регистра народонаселения.',
    'Каса здоров’я оформлює медичне страхування Марти за даними реєстру населення.',
  ),
};

function havingAChild(now: Date): DemoCase[] {
  const born = factDate(KADRI, (f) => f.children[0].birthDate);
  const shared = [
    change('child-birth-registration', 0, 'waiting', birth.waitForName, { waitingOn: 'child-name' }),
    change('child-name', 0, 'action_needed', birth.chooseName, {
      dueInDays: Math.round((born.getTime() + 30 * DAY - now.getTime()) / DAY),
    }),
    change('child-name', 4, 'in_progress', birth.nameSubmitted),
    change('child-name', 5, 'completed', birth.nameEntered),
    change('child-birth-registration', 5, 'completed', birth.registered),
    change('child-health-insurance', 6, 'in_progress', birth.insuranceInProgress, { dueInDays: 5 }),
  ];
  const kadri: DemoCase = {
    personalCode: KADRI,
    eventServiceId: 'having-a-child',
    subjectName: 'Marta Tamm',
    startedAt: born,
    changes: [
      ...shared,
      change(
        'child-family-doctor',
        6,
        'waiting',
        t(
          'Marta kantakse sinu perearsti nimistusse, kui ravikindlustus on vormistatud.',
          "Marta will be added to your family doctor's list once her health insurance is in place.",
          'Марту внесут в список вашего семейного врача, когда будет оформлена медицинская страховка.',
          'Марту буде внесено до списку вашого сімейного лікаря, щойно буде оформлено медичне страхування.',
        ),
        { waitingOn: 'child-health-insurance' },
      ),
      change(
        'child-birth-allowance',
        6,
        'in_progress',
        t(
          'Sotsiaalkindlustusamet sai sünniandmed rahvastikuregistrist ja määrab sünnitoetuse ise.',
          'The Social Insurance Board received the birth details from the population register and is granting the childbirth allowance on its own.',
          'Департамент социального страхования получил данные о рождении из регистра народонаселения и сам назначает пособие по рождению.',
          'Департамент соціального страхування отримав дані про народження з реєстру населення й сам призначає допомогу при народженні.',
        ),
      ),
      change(
        'child-allowance',
        6,
        'in_progress',
        t(
          'Lapsetoetuse määramine algas sünni registreerimise põhjal.',
          'The child allowance is being granted on the basis of the registered birth.',
          'Назначение пособия на ребёнка началось на основании регистрации рождения.',
          'Призначення допомоги на дитину розпочато на підставі реєстрації народження.',
        ),
      ),
      change(
        'child-birth-allowance',
        9,
        'completed',
        t(
          'Sünnitoetus 320 eurot on määratud ja sinu pangakontole makstud.',
          'The childbirth allowance of 320 euros has been granted and paid to your bank account.',
          'Пособие по рождению в размере 320 евро назначено и выплачено на ваш банковский счёт.',
          'Допомогу при народженні в розмірі 320 євро призначено й виплачено на ваш банківський рахунок.',
        ),
      ),
      change(
        'child-parental-benefit',
        10,
        'action_needed',
        t(
          'Sotsiaalkindlustusamet tegi sulle vanemahüvitise pakkumise. Nõustu sellega ja vali, mis päevast sinu hüvitis algab.',
          'The Social Insurance Board has made you a parental benefit offer. Accept it and choose the day your benefit starts.',
          'Департамент социального страхования направил вам предложение о родительском пособии. Примите его и выберите, с какого дня начнётся ваше пособие.',
          'Департамент соціального страхування надіслав вам пропозицію щодо батьківської допомоги. Прийміть її та оберіть, з якого дня почнеться ваша допомога.',
        ),
        { dueInDays: 12 },
      ),
      change(
        'child-allowance',
        12,
        'completed',
        t(
          'Lapsetoetus on määratud: 80 eurot kuus, makstakse iga kuu sinu pangakontole.',
          'The child allowance has been granted: 80 euros a month, paid to your bank account every month.',
          'Пособие на ребёнка назначено: 80 евро в месяц, выплачивается ежемесячно на ваш банковский счёт.',
          'Допомогу на дитину призначено: 80 євро на місяць, виплачується щомісяця на ваш банківський рахунок.',
        ),
      ),
      change(
        'child-kindergarten-place',
        14,
        'not_started',
        t(
          'Lasteaiakohta saab taotleda juba praegu. Esita taotlus Tallinna e-teeninduses, kui soovid Martale kohta alates pooleteiseaastasest.',
          'You can already apply for a kindergarten place. Submit the application in the Tallinn e-services if you want a place for Marta from the age of one and a half.',
          'Подать заявление на место в детском саду можно уже сейчас. Сделайте это в э-услугах Таллина, если хотите получить место для Марты с полутора лет.',
          'Подати заяву на місце в дитячому садку можна вже зараз. Зробіть це в е-послугах Таллінна, якщо хочете отримати місце для Марти з півтора року.',
        ),
        { actor: 'person' },
      ),
    ],
  };
  const martin: DemoCase = {
    personalCode: MARTIN,
    eventServiceId: 'having-a-child',
    subjectName: 'Marta Tamm',
    startedAt: born,
    changes: [
      ...shared,
      change(
        'child-family-doctor',
        6,
        'not_applicable',
        t(
          'Marta kantakse ema perearsti nimistusse. Sinult pole selleks midagi vaja.',
          "Marta will be added to her mother's family doctor's list. Nothing is needed from you.",
          'Марту внесут в список семейного врача матери. От вас ничего не требуется.',
          'Марту буде внесено до списку сімейного лікаря матері. Від вас нічого не потрібно.',
        ),
      ),
      change(
        'child-birth-allowance',
        9,
        'not_applicable',
        t(
          'Sünnitoetus määrati ja maksti lapse emale Kadri Tammele.',
          "The childbirth allowance was granted and paid to the child's mother, Kadri Tamm.",
          'Пособие по рождению назначено и выплачено матери ребёнка, Кадри Тамм.',
          'Допомогу при народженні призначено й виплачено матері дитини, Кадрі Тамм.',
        ),
      ),
      change(
        'child-parental-benefit',
        10,
        'not_started',
        t(
          'Isal on õigus 30 päevale isale ette nähtud vanemahüvitisele, mida saab kasutada kuni lapse 3-aastaseks saamiseni.',
          "As the father, you are entitled to 30 days of father's parental benefit, which can be used until the child turns 3.",
          'Отцу положено 30 дней отцовского родительского пособия, которыми можно воспользоваться до достижения ребёнком 3 лет.',
          'Батькові належить 30 днів батьківської допомоги, якими можна скористатися, доки дитині не виповниться 3 роки.',
        ),
        { actor: 'person' },
      ),
      change(
        'child-allowance',
        12,
        'not_applicable',
        t(
          'Lapsetoetust makstakse lapse emale Kadri Tammele. Vajaduse korral saab toetuse saaja vahetada.',
          "The child allowance is paid to the child's mother, Kadri Tamm. The recipient can be changed if needed.",
          'Пособие на ребёнка выплачивается матери, Кадри Тамм. При необходимости получателя можно сменить.',
          'Допомога на дитину виплачується матері, Кадрі Тамм. За потреби отримувача можна змінити.',
        ),
      ),
    ],
  };
  return [kadri, martin];
}

/** Kadri and Martin's wedding: a finished case, for the history of past life events. */
/**
 * Marta's own case (her parents act for her under their parental rights): her health insurance, family
 * doctor and first ID card. The benefits are the parents' (in their own cases), so not hers.
 */
function martasOwn(): DemoCase {
  const born = factDate(KADRI, (f) => f.children[0].birthDate);
  const parents = t(
    'Seda toetust makstakse vanemale, mitte lapsele: vaata seda oma elusündmuses.',
    'This benefit is paid to a parent, not to the child: see it in your own life event.',
    'Это пособие выплачивается родителю, а не ребёнку: смотрите его в своём жизненном событии.',
    'Ця допомога виплачується батькам, а не дитині: дивіться її у своїй життєвій події.',
  );
  return {
    personalCode: MARTA,
    eventServiceId: 'having-a-child',
    startedAt: born,
    changes: [
      change('child-name', 5, 'completed', birth.nameEntered),
      change('child-birth-registration', 5, 'completed', birth.registered),
      change('child-birth-allowance', 5, 'not_applicable', parents),
      change('child-allowance', 5, 'not_applicable', parents),
      change('child-parental-benefit', 5, 'not_applicable', parents),
      change('child-health-insurance', 6, 'in_progress', birth.insuranceInProgress, { dueInDays: 5 }),
      change(
        'child-family-doctor',
        6,
        'waiting',
        t(
          'Marta kantakse perearsti nimistusse, kui ravikindlustus on vormistatud.',
          "Marta will be added to a family doctor's list once her health insurance is in place.",
          'Марту внесут в список семейного врача, когда будет оформлена медицинская страховка.',
          'Марту буде внесено до списку сімейного лікаря, щойно буде оформлено медичне страхування.',
        ),
        { waitingOn: 'child-health-insurance' },
      ),
      change(
        'child-id-document',
        6,
        'action_needed',
        t(
          'Marta esimese ID-kaardi taotleb vanem. Taotluse saab esitada Politsei- ja Piirivalveametis.',
          "A parent applies for Marta's first ID card, at the Police and Border Guard Board.",
          'Первую ID-карту для Марты оформляет родитель в Департаменте полиции и погранохраны.',
          'Першу ID-картку для Марти оформлює один із батьків у Департаменті поліції та прикордонної охорони.',
        ),
        { dueInDays: 60 },
      ),
    ],
  };
}

function marriage(now: Date): DemoCase {
  return {
    personalCode: KADRI,
    eventServiceId: 'marriage',
    subjectName: 'Martin Tamm',
    startedAt: new Date(now.getTime() - 800 * DAY),
    changes: [
      change(
        'marriage-application',
        0,
        'in_progress',
        t(
          'Esitasite ühise abiellumisavalduse perekonnaseisuasutusele.',
          'You submitted a joint marriage application to the registry office.',
          'Вы подали совместное заявление о вступлении в брак в отдел записи актов гражданского состояния.',
          'Ви подали спільну заяву про шлюб до органу реєстрації актів цивільного стану.',
        ),
      ),
      change(
        'marriage-application',
        40,
        'completed',
        t(
          'Abielu on sõlmitud. Palju õnne!',
          'The marriage has been concluded. Congratulations!',
          'Брак заключён. Поздравляем!',
          'Шлюб укладено. Вітаємо!',
        ),
      ),
      change(
        'marriage-registration',
        40,
        'completed',
        t(
          'Abielu on rahvastikuregistrisse kantud.',
          'The marriage has been entered in the population register.',
          'Брак внесён в регистр народонаселения.',
          'Шлюб внесено до реєстру населення.',
        ),
      ),
      change(
        'marriage-property-contract',
        40,
        'not_applicable',
        t(
          'Valisite abiellumisavalduses varaühisuse, seega abieluvaralepingut vaja ei ole.',
          'You chose joint ownership of property in the marriage application, so no marital property contract is needed.',
          'В заявлении вы выбрали общность имущества, поэтому брачный договор не нужен.',
          'У заяві ви обрали спільність майна, тому шлюбний договір не потрібен.',
        ),
      ),
      change(
        'marriage-certificate',
        40,
        'not_applicable',
        t(
          'Eesti asutused näevad abielu andmeid registrist, tõendit vaja ei läinud.',
          'Estonian agencies see the marriage in the register; no certificate was needed.',
          'Эстонские учреждения видят данные о браке в регистре, справка не понадобилась.',
          'Естонські установи бачать дані про шлюб у реєстрі, довідка не знадобилася.',
        ),
      ),
      change(
        'marriage-new-id-document',
        41,
        'action_needed',
        t(
          'Võtsid perekonnanime Tamm. Taotle uue nimega ID-kaart.',
          'You took the surname Tamm. Apply for an ID card with your new name.',
          'Вы взяли фамилию Тамм. Подайте заявление на ID-карту с новой фамилией.',
          'Ви взяли прізвище Тамм. Подайте заяву на ID-картку з новим прізвищем.',
        ),
      ),
      change(
        'marriage-new-id-document',
        45,
        'in_progress',
        t(
          'Taotlus on esitatud ja ID-kaarti valmistatakse.',
          'Your application has been submitted and the ID card is being made.',
          'Заявление подано, ID-карта изготавливается.',
          'Заяву подано, ID-картку виготовляють.',
        ),
      ),
      change(
        'marriage-new-id-document',
        60,
        'completed',
        t(
          'Uus ID-kaart on välja antud.',
          'Your new ID card has been issued.',
          'Новая ID-карта выдана.',
          'Нову ID-картку видано.',
        ),
      ),
      change(
        'marriage-joint-tax-return',
        150,
        'declined',
        t(
          'Otsustasite esitada tuludeklaratsioonid eraldi.',
          'You decided to file your income tax returns separately.',
          'Вы решили подавать декларации о доходах раздельно.',
          'Ви вирішили подавати декларації про доходи окремо.',
        ),
      ),
    ],
  };
}

function deathOfCloseOne(now: Date): DemoCase {
  return {
    personalCode: MARET,
    eventServiceId: 'death-of-close-one',
    subjectName: 'Toomas Saar',
    startedAt: new Date(now.getTime() - 24 * DAY),
    changes: [
      change(
        'death-registration',
        1,
        'completed',
        t(
          'Arst saatis surmateatise ja surm on rahvastikuregistrisse kantud.',
          'The doctor sent the death notice and the death has been entered in the population register.',
          'Врач отправил уведомление о смерти, и смерть внесена в регистр народонаселения.',
          'Лікар надіслав повідомлення про смерть, і смерть внесено до реєстру населення.',
        ),
      ),
      change(
        'death-funeral-allowance',
        2,
        'action_needed',
        t(
          'Viljandi linn maksab matusetoetust. Esita taotlus linna e-teeninduses, sinu andmed on sinna juba eeltäidetud.',
          'Viljandi town pays a funeral allowance. Submit the application in the town’s e-services; your details are already filled in.',
          'Город Вильянди выплачивает пособие на похороны. Подайте заявление в э-услугах города, ваши данные уже заполнены.',
          'Місто Вільянді виплачує допомогу на поховання. Подайте заяву в е-послугах міста, ваші дані вже заповнено.',
        ),
        { dueInDays: 40 },
      ),
      change(
        'death-survivor-allowance-child',
        3,
        'action_needed',
        t(
          'Oskaril on õigus toitjakaotustoetusele. Sotsiaalkindlustusamet tegi pakkumise – kinnita see ja pangakonto, kuhu toetust maksta.',
          "Oskar is entitled to a survivor's allowance. The Social Insurance Board has made an offer – confirm it and the bank account to pay it to.",
          'Оскар имеет право на пособие по потере кормильца. Департамент социального страхования направил предложение – подтвердите его и банковский счёт для выплаты.',
          'Оскар має право на допомогу у зв’язку з втратою годувальника. Департамент соціального страхування надіслав пропозицію – підтвердьте її та банківський рахунок для виплати.',
        ),
        { dueInDays: 14 },
      ),
      change(
        'death-inheritance',
        3,
        'not_started',
        t(
          'Pärimismenetluse algatamiseks esita avaldus notarile. Pärandi vastuvõtmiseks või sellest loobumiseks on aega kolm kuud.',
          'To start the inheritance proceedings, submit an application to a notary. You have three months to accept or renounce the inheritance.',
          'Чтобы начать наследственное производство, подайте заявление нотариусу. На принятие наследства или отказ от него есть три месяца.',
          'Щоб розпочати спадкове провадження, подайте заяву нотаріусу. На прийняття спадщини або відмову від неї є три місяці.',
        ),
        { actor: 'person' },
      ),
      change(
        'death-funded-pension',
        3,
        'waiting',
        t(
          'Lahkunu II samba raha kuulub pärandisse. Selle saab pärijale üle kanda pärast pärimismenetlust.',
          "The deceased's II pillar savings are part of the estate. They can be transferred to the heir after the inheritance proceedings.",
          'Средства II ступени умершего входят в наследство. Их можно перевести наследнику после наследственного производства.',
          'Кошти II рівня померлого входять до спадщини. Їх можна переказати спадкоємцю після спадкового провадження.',
        ),
        { waitingOn: 'death-inheritance' },
      ),
      change(
        'death-bereavement-support',
        4,
        'not_started',
        t(
          'Viljandi linna sotsiaaltöötaja saab sind nõustada ja suunata leinatoe juurde. Võta ühendust, kui vajad abi.',
          'A social worker of Viljandi town can advise you and refer you to bereavement support. Get in touch if you need help.',
          'Социальный работник города Вильянди может проконсультировать вас и направить за поддержкой в горе. Обратитесь, если вам нужна помощь.',
          'Соціальний працівник міста Вільянді може проконсультувати вас і скерувати до підтримки в горі. Зверніться, якщо потрібна допомога.',
        ),
        { actor: 'person' },
      ),
    ],
  };
}

function retirement(now: Date): DemoCase {
  const afterPension = (reason: Localized) => ({ reason, waitingOn: 'pension-old-age-offer' });
  const health = afterPension(
    t(
      'Ravikindlustus pensionärina vormistatakse pärast pensioni määramist.',
      'Your health insurance as a pensioner will be arranged once the pension is granted.',
      'Медицинская страховка пенсионера будет оформлена после назначения пенсии.',
      'Медичне страхування як пенсіонера буде оформлено після призначення пенсії.',
    ),
  );
  const tax = afterPension(
    t(
      'Pensioniealise maksuvaba tulu hakatakse arvestama pensioni määramisel.',
      'The tax-free allowance for people of pension age will be applied once the pension is granted.',
      'Необлагаемый доход для лиц пенсионного возраста начнут учитывать после назначения пенсии.',
      'Неоподатковуваний дохід для осіб пенсійного віку почнуть враховувати після призначення пенсії.',
    ),
  );
  return {
    personalCode: AIVAR,
    eventServiceId: 'retirement',
    startedAt: new Date(now.getTime() - 3 * DAY),
    changes: [
      change(
        'pension-old-age-offer',
        0,
        'action_needed',
        t(
          'Jõuad peagi vanaduspensioniikka. Sotsiaalkindlustusamet tegi sulle pensionipakkumise – kinnita see ja oma pangakonto, et pension hakkaks laekuma pensioniea saabumisest.',
          'You will soon reach the old-age pension age. The Social Insurance Board has made you a pension offer – confirm it and your bank account so that the pension is paid from the day you reach pension age.',
          'Вы скоро достигнете возраста пенсии по старости. Департамент социального страхования направил вам предложение о пенсии – подтвердите его и свой банковский счёт, чтобы пенсия начала поступать с наступлением пенсионного возраста.',
          'Ви незабаром досягнете пенсійного віку. Департамент соціального страхування надіслав вам пропозицію щодо пенсії – підтвердьте її та свій банківський рахунок, щоб пенсія надходила з настанням пенсійного віку.',
        ),
        { dueInDays: 30 },
      ),
      change(
        'pension-service-record',
        0,
        'in_progress',
        t(
          'Sotsiaalkindlustusamet kontrollib sinu pensionistaaži. Kui midagi on puudu, võetakse sinuga ühendust.',
          'The Social Insurance Board is checking your pension record. If anything is missing, it will contact you.',
          'Департамент социального страхования проверяет ваш пенсионный стаж. Если чего-то не хватает, с вами свяжутся.',
          'Департамент соціального страхування перевіряє ваш пенсійний стаж. Якщо чогось бракуватиме, з вами зв’яжуться.',
        ),
        { dueInDays: 21 },
      ),
      change('pension-health-insurance', 0, 'waiting', health.reason, { waitingOn: health.waitingOn }),
      change('pension-income-tax', 0, 'waiting', tax.reason, { waitingOn: tax.waitingOn }),
      change(
        'pension-living-alone-allowance',
        0,
        'not_applicable',
        t(
          'Rahvastikuregistri andmetel ei ela sa üksi, seega seda toetust ei maksta.',
          'According to the population register you do not live alone, so this allowance is not paid.',
          'По данным регистра народонаселения вы живёте не один, поэтому это пособие не выплачивается.',
          'За даними реєстру населення ви живете не самі, тому ця допомога не виплачується.',
        ),
      ),
    ],
  };
}

function settlingIn(): DemoCase {
  return {
    personalCode: OKSANA,
    eventServiceId: 'settling-in-estonia',
    startedAt: factDate(OKSANA, (f) => f.residence.since ?? f.birthDate),
    changes: [
      change(
        'settling-residence-permit',
        0,
        'in_progress',
        t(
          'Ajutise kaitse alusel elamisloa taotlus on Politsei- ja Piirivalveametis menetluses.',
          'Your application for a residence permit on the basis of temporary protection is being processed by the Police and Border Guard Board.',
          'Ваше ходатайство о виде на жительство на основании временной защиты рассматривается в Департаменте полиции и погранохраны.',
          'Вашу заяву на посвідку на проживання на підставі тимчасового захисту розглядає Департамент поліції та прикордонної охорони.',
        ),
      ),
      change(
        'settling-address-registration',
        2,
        'action_needed',
        t(
          'Registreeri oma elukoht rahvastikuregistris 30 päeva jooksul.',
          'Register your address in the population register within 30 days.',
          'Зарегистрируйте место жительства в регистре народонаселения в течение 30 дней.',
          'Зареєструйте місце проживання в реєстрі населення протягом 30 днів.',
        ),
      ),
      change(
        'settling-school-or-kindergarten',
        3,
        'action_needed',
        t(
          'Andrii on kooliealine. Taotle talle koolikoht Pärnu linnast.',
          'Andrii is of school age. Apply to Pärnu town for a school place for him.',
          'Андрий школьного возраста. Подайте заявление на место в школе в город Пярну.',
          'Андрій шкільного віку. Подайте заяву на місце в школі до міста Пярну.',
        ),
      ),
      change(
        'settling-address-registration',
        6,
        'completed',
        t(
          'Sinu ja Andrii elukoht on registreeritud Pärnu linna.',
          'Your and Andrii’s address has been registered in Pärnu.',
          'Место жительства ваше и Андрия зарегистрировано в городе Пярну.',
          'Місце проживання ваше й Андрія зареєстровано в місті Пярну.',
        ),
      ),
      change(
        'settling-residence-permit',
        9,
        'completed',
        t(
          'Sulle anti elamisluba ajutise kaitse alusel ja elamisloakaart on välja antud.',
          'You have been granted a residence permit on the basis of temporary protection, and your residence permit card has been issued.',
          'Вам выдан вид на жительство на основании временной защиты, карта вида на жительство готова.',
          'Вам надано посвідку на проживання на підставі тимчасового захисту, картку посвідки видано.',
        ),
      ),
      change(
        'settling-health-insurance',
        10,
        'completed',
        t(
          'Ajutise kaitse saajana oled ravikindlustatud. Kindlustust näed Tervisekassa iseteeninduses.',
          'As a beneficiary of temporary protection you have health insurance. You can see it in the Health Insurance Fund self-service.',
          'Как получатель временной защиты вы застрахованы. Страховку можно увидеть в самообслуживании Кассы здоровья.',
          'Як отримувачка тимчасового захисту ви маєте медичне страхування. Його видно в самообслуговуванні Каси здоров’я.',
        ),
      ),
      change(
        'settling-adaptation-programme',
        10,
        'action_needed',
        t(
          'Sind kutsutakse kohanemisprogrammi „Settle in Estonia“. Nõustu kutsega ning vali endale sobiv koolitus ja eesti keele kursus.',
          'You are invited to the Settle in Estonia adaptation programme. Accept the invitation and choose a training course and an Estonian language course that suit you.',
          'Вас приглашают в программу адаптации «Settle in Estonia». Примите приглашение и выберите подходящее обучение и курс эстонского языка.',
          'Вас запрошують до програми адаптації «Settle in Estonia». Прийміть запрошення й оберіть зручне навчання та курс естонської мови.',
        ),
        { dueInDays: 20 },
      ),
      change(
        'settling-family-doctor',
        12,
        'action_needed',
        t(
          'Vali endale perearst ja esita talle nimistusse registreerimise avaldus.',
          "Choose a family doctor and apply to be added to the doctor's list.",
          'Выберите семейного врача и подайте ему заявление о внесении в список пациентов.',
          'Оберіть сімейного лікаря й подайте йому заяву про внесення до списку пацієнтів.',
        ),
      ),
      change(
        'settling-school-or-kindergarten',
        15,
        'completed',
        t(
          'Andrii sai koolikoha Pärnus ja alustas õpinguid.',
          'Andrii got a school place in Pärnu and has started school.',
          'Андрий получил место в школе в Пярну и начал учёбу.',
          'Андрій отримав місце в школі в Пярну й почав навчання.',
        ),
      ),
      change(
        'settling-family-doctor',
        20,
        'in_progress',
        t(
          'Pärnus ei leitud vaba kohaga perearsti, seega määrab Tervisekassa sulle perearsti.',
          'No family doctor with a free place was found in Pärnu, so the Health Insurance Fund is assigning one to you.',
          'В Пярну не нашлось семейного врача со свободным местом, поэтому Касса здоровья назначит вам врача.',
          'У Пярну не знайшлося сімейного лікаря з вільним місцем, тому Каса здоров’я призначить вам лікаря.',
        ),
        { dueInDays: 7 },
      ),
      change(
        'settling-job-search',
        25,
        'in_progress',
        t(
          'Oled Töötukassas tööotsijana arvel. Sinu konsultant aitab tööd leida ja pakub eesti keele õpet.',
          'You are registered with the Unemployment Insurance Fund as a job seeker. Your counsellor helps you find work and offers Estonian lessons.',
          'Вы зарегистрированы в Кассе по безработице как ищущая работу. Ваш консультант помогает найти работу и предлагает курсы эстонского языка.',
          'Ви зареєстровані в Касі страхування від безробіття як шукачка роботи. Ваш консультант допомагає знайти роботу й пропонує курси естонської мови.',
        ),
      ),
    ],
  };
}

function defenceService(now: Date): DemoCase {
  const turned17 = factDate(DANIIL, (f) => `${Number(f.birthDate.slice(0, 4)) + 17}${f.birthDate.slice(4)}`);
  const since = (daysAgo: number) => Math.round((now.getTime() - daysAgo * DAY - turned17.getTime()) / DAY);
  return {
    personalCode: DANIIL,
    eventServiceId: 'defence-service',
    startedAt: turned17,
    changes: [
      change(
        'defence-registration',
        1,
        'completed',
        t(
          'Kaitseressursside Amet võttis sind kutsealusena arvele ja saatis sellest teate.',
          'The Estonian Defence Resources Agency registered you as a conscript and sent you a notice.',
          'Департамент оборонных ресурсов поставил вас на учёт как призывника и отправил уведомление.',
          'Департамент оборонних ресурсів узяв вас на облік як призовника й надіслав повідомлення.',
        ),
      ),
      change(
        'defence-service-preferences',
        since(60),
        'completed',
        t(
          'Märkisid oma soovid teenistuse alguse ja väeosa kohta.',
          'You submitted your preferences for the start of service and the unit.',
          'Вы указали пожелания о начале службы и воинской части.',
          'Ви вказали побажання щодо початку служби та військової частини.',
        ),
      ),
      change(
        'defence-health-assessment',
        since(20),
        'action_needed',
        t(
          'Vali kaitseväeteenistuse veebis aeg ja koht terviseseisundi hindamiseks. Kui sa seda ei tee, saadetakse sulle kutse.',
          'Choose a time and place for your health assessment in the defence service portal. If you do not, you will be sent an invitation.',
          'Выберите на портале воинской службы время и место для оценки состояния здоровья. Если вы этого не сделаете, вам пришлют приглашение.',
          'Оберіть на порталі військової служби час і місце для оцінки стану здоров’я. Якщо ви цього не зробите, вам надішлють запрошення.',
        ),
        { dueInDays: 25 },
      ),
      change(
        'defence-call-up',
        since(20),
        'waiting',
        t(
          'Kutse ajateenistusse saadetakse pärast terviseseisundi hindamist.',
          'The call-up will be sent after your health assessment.',
          'Повестка на срочную службу будет отправлена после оценки состояния здоровья.',
          'Повістку на строкову службу буде надіслано після оцінки стану здоров’я.',
        ),
        { waitingOn: 'defence-health-assessment' },
      ),
    ],
  };
}

function childWithHealthImpairment(now: Date): DemoCase {
  const applied = t(
    'Taotlus on esitatud. Sotsiaalkindlustusamet küsib andmed Robini arstidelt.',
    'The application has been submitted. The Social Insurance Board is requesting information from Robin’s doctors.',
    'Заявление подано. Департамент социального страхования запрашивает данные у врачей Робина.',
    'Заяву подано. Департамент соціального страхування запитує дані в лікарів Робіна.',
  );
  return {
    personalCode: LIIS,
    eventServiceId: 'child-with-health-impairment',
    subjectName: 'Robin Rebane',
    startedAt: new Date(now.getTime() - 160 * DAY),
    changes: [
      change('child-disability-assessment', 0, 'in_progress', applied),
      change('child-disability-allowance', 0, 'in_progress', applied),
      change(
        'child-disability-assessment',
        30,
        'completed',
        t(
          'Robinil tuvastati raske puue kolmeks aastaks.',
          'Robin has been assessed as having a severe disability, for three years.',
          'У Робина установлена тяжёлая степень инвалидности сроком на три года.',
          'Робінові встановлено тяжкий ступінь інвалідності строком на три роки.',
        ),
      ),
      change(
        'child-disability-allowance',
        31,
        'completed',
        t(
          'Puudega lapse toetus on määratud ja seda makstakse igakuiselt.',
          'The disabled child allowance has been granted and is paid monthly.',
          'Пособие на ребёнка с инвалидностью назначено и выплачивается ежемесячно.',
          'Допомогу на дитину з інвалідністю призначено, вона виплачується щомісяця.',
        ),
      ),
      change(
        'child-rehabilitation',
        35,
        'in_progress',
        t(
          'Robin on suunatud sotsiaalsele rehabilitatsioonile. Rehabilitatsiooniasutus koostab tegevuskava.',
          'Robin has been referred to social rehabilitation. The rehabilitation provider is drawing up an activity plan.',
          'Робин направлен на социальную реабилитацию. Реабилитационное учреждение составляет план мероприятий.',
          'Робіна скеровано на соціальну реабілітацію. Реабілітаційна установа складає план заходів.',
        ),
        { dueInDays: 10 },
      ),
      change(
        'child-support-services',
        35,
        'waiting',
        t(
          'Viimsi valla lastekaitsetöötaja hindab lapsehoiu ja tugiisiku vajadust rehabilitatsiooni tegevuskava põhjal.',
          "Viimsi's child protection worker will assess the need for childcare and a support person based on the rehabilitation plan.",
          'Специалист по защите детей волости Виймси оценит потребность в присмотре за ребёнком и сопровождающем лице на основе плана реабилитации.',
          'Фахівець із захисту дітей волості Віймсі оцінить потребу в догляді за дитиною та супровідній особі на основі плану реабілітації.',
        ),
        { waitingOn: 'child-rehabilitation' },
      ),
      change(
        'child-educational-counselling',
        80,
        'completed',
        t(
          'Rajaleidja soovitused Robini õppe korraldamiseks on koolile edastatud.',
          'Rajaleidja’s recommendations on organising Robin’s studies have been sent to his school.',
          'Рекомендации Rajaleidja по организации обучения Робина переданы в школу.',
          'Рекомендації Rajaleidja щодо організації навчання Робіна передано до школи.',
        ),
      ),
      change(
        'child-carer-allowance',
        150,
        'in_progress',
        t(
          'Viimsi vallavalitsus menetleb sinu hooldajatoetuse taotlust.',
          'Viimsi Rural Municipality is processing your carer’s allowance application.',
          'Волостная управа Виймси рассматривает ваше заявление на пособие по уходу.',
          'Волосна управа Віймсі розглядає вашу заяву на допомогу по догляду.',
        ),
        { dueInDays: 12 },
      ),
      change(
        'child-assistive-devices',
        155,
        'action_needed',
        t(
          'Robinile on väljastatud isikliku abivahendi kaart. Vali abivahendi ettevõte ning osta või üüri vajalik abivahend soodushinnaga.',
          'Robin has been issued a personal assistive device card. Choose a provider and buy or rent the device he needs at a reduced price.',
          'Робину выдана карта вспомогательных средств. Выберите поставщика и купите или возьмите в аренду нужное средство по льготной цене.',
          'Робінові видано картку допоміжних засобів. Оберіть постачальника й придбайте або орендуйте потрібний засіб за пільговою ціною.',
        ),
        { dueInDays: 30 },
      ),
    ],
  };
}

/** Every demo case, as of `now`. */
export function demoCases(now: Date): DemoCase[] {
  return [
    marriage(now),
    ...havingAChild(now),
    martasOwn(),
    deathOfCloseOne(now),
    retirement(now),
    settlingIn(),
    defenceService(now),
    childWithHealthImpairment(now),
  ];
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Gives each demo person who has no case yet their demo cases; one transaction per person. */
export async function seedDemoCases(db: Database, now = new Date()): Promise<void> {
  const cases = demoCases(now);
  // A change is never later than a minute ago, so an agency event sent right after seeding is newer.
  const latest = now.getTime() - 60_000;
  for (const personalCode of new Set(cases.map((c) => c.personalCode))) {
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>('SELECT id FROM persons WHERE personal_code = $1 FOR UPDATE', [
        personalCode,
      ]);
      const personId = rows[0]?.id;
      if (!personId) return;
      const { rows: existing } = await tx.query('SELECT 1 FROM cases WHERE person_id = $1 LIMIT 1', [personId]);
      if (existing.length > 0) return;
      for (const demo of cases.filter((c) => c.personalCode === personalCode)) {
        const startedAt = new Date(Math.min(demo.startedAt.getTime(), latest));
        const opened = await openCase(tx, personId, {
          eventServiceId: demo.eventServiceId,
          subjectName: demo.subjectName,
          startedAt,
        });
        for (const [index, step] of demo.changes.entries()) {
          const stepId = opened.stepIds[step.sub];
          if (!stepId) throw new Error(`demo case ${demo.eventServiceId}: no sub-service ${step.sub}`);
          // Spread the day's changes over working hours, in order, and never past a minute ago.
          const at = Math.min(startedAt.getTime() + step.day * DAY + 60 * 60 * 1000 + index * 60_000, latest);
          await changeStep(tx, stepId, {
            status: step.status,
            reason: step.reason,
            at: new Date(Math.max(at, startedAt.getTime())),
            dueDate: step.dueInDays === undefined ? null : isoDay(new Date(now.getTime() + step.dueInDays * DAY)),
            waitingOnStepId: step.waitingOn ? opened.stepIds[step.waitingOn] : null,
            actor: step.actor,
          });
        }
      }
    });
  }
}
