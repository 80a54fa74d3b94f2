import { LANGS, type Lang } from '../../contract/langs';

/** The development identity provider's own texts: it is not the app, so they live here, not in locales/. */
const TEXTS = {
  et: {
    title: 'Näidiskeskkonna sisselogimine',
    lead: 'See on Minu riigi arenduskeskkonna autentimisteenus (nagu TARA). Päris isikut siin ei tuvastata: vali näidisisik või sisesta mis tahes kehtiv isikukood.',
    demo: 'Näidisisikud',
    sign_in_as: 'Logi sisse: {name}',
    other: 'Muu isikukood',
    code: 'Isikukood',
    code_hint: '11 numbrit, nt 39001010002',
    given: 'Eesnimi (valikuline)',
    family: 'Perekonnanimi (valikuline)',
    submit: 'Logi sisse',
    cancel: 'Katkesta ja mine tagasi',
    invalid: 'See ei ole kehtiv Eesti isikukood. Kontrolli numbreid.',
    error_title: 'Sisselogimine ei õnnestunud',
    error_text: 'Sisselogimise päring ei olnud kehtiv või aegus. Mine tagasi rakendusse ja proovi uuesti.',
    back: 'Tagasi rakendusse',
    logout_title: 'Väljalogimine',
    logout_text: 'Logime sind välja ka autentimisteenusest…',
    logout_button: 'Jätka',
    language: 'Keel',
  },
  en: {
    title: 'Demo sign-in',
    lead: 'This is the development identity provider of Minu riik (standing in for TARA). No real identity is checked: choose a demo person or enter any valid personal code.',
    demo: 'Demo people',
    sign_in_as: 'Sign in as {name}',
    other: 'Another personal code',
    code: 'Personal code',
    code_hint: '11 digits, e.g. 39001010002',
    given: 'Given name (optional)',
    family: 'Family name (optional)',
    submit: 'Sign in',
    cancel: 'Cancel and go back',
    invalid: 'This is not a valid Estonian personal code. Check the digits.',
    error_title: 'Sign-in failed',
    error_text: 'The sign-in request was not valid or has expired. Go back to the app and try again.',
    back: 'Back to the app',
    logout_title: 'Signing out',
    logout_text: 'Signing you out of the identity provider too…',
    logout_button: 'Continue',
    language: 'Language',
  },
  ru: {
    title: 'Демонстрационный вход',
    lead: 'Это служба аутентификации среды разработки Minu riik (вместо TARA). Настоящая личность здесь не проверяется: выберите демонстрационного человека или введите любой действительный личный код.',
    demo: 'Демонстрационные люди',
    sign_in_as: 'Войти как {name}',
    other: 'Другой личный код',
    code: 'Личный код',
    code_hint: '11 цифр, например 39001010002',
    given: 'Имя (необязательно)',
    family: 'Фамилия (необязательно)',
    submit: 'Войти',
    cancel: 'Отменить и вернуться',
    invalid: 'Это не действительный эстонский личный код. Проверьте цифры.',
    error_title: 'Не удалось войти',
    error_text: 'Запрос на вход недействителен или устарел. Вернитесь в приложение и попробуйте снова.',
    back: 'Вернуться в приложение',
    logout_title: 'Выход',
    logout_text: 'Выполняем выход и из службы аутентификации…',
    logout_button: 'Продолжить',
    language: 'Язык',
  },
  uk: {
    title: 'Демонстраційний вхід',
    lead: 'Це служба автентифікації середовища розробки Minu riik (замість TARA). Справжня особа тут не перевіряється: виберіть демонстраційну особу або введіть будь-який дійсний особистий код.',
    demo: 'Демонстраційні особи',
    sign_in_as: 'Увійти як {name}',
    other: 'Інший особистий код',
    code: 'Особовий код',
    code_hint: '11 цифр, наприклад 39001010002',
    given: "Ім'я (необов'язково)",
    family: "Прізвище (необов'язково)",
    submit: 'Увійти',
    cancel: 'Скасувати й повернутися',
    invalid: 'Це не дійсний естонський особистий код. Перевірте цифри.',
    error_title: 'Не вдалося увійти',
    error_text: 'Запит на вхід недійсний або застарів. Поверніться до застосунку й спробуйте ще раз.',
    back: 'Повернутися до застосунку',
    logout_title: 'Вихід',
    logout_text: 'Виконуємо вихід і зі служби автентифікації…',
    logout_button: 'Продовжити',
    language: 'Мова',
  },
} satisfies Record<Lang, Record<string, string>>;

export type DevIdpText = keyof (typeof TEXTS)['en'];

export const text = (lang: Lang, key: DevIdpText, name = '') => TEXTS[lang][key].replace('{name}', name);

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The first of the requested languages (`ui_locales`, space-separated) that we speak, else Estonian. */
export function pickLang(...candidates: (string | undefined)[]): Lang {
  for (const candidate of candidates) {
    for (const tag of (candidate ?? '').split(/[\s,]+/)) {
      const base = tag.toLowerCase().split('-')[0];
      if ((LANGS as readonly string[]).includes(base)) return base as Lang;
    }
  }
  return 'et';
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1a1a1a;--bg:#f5f6f8;--card:#fff;--accent:#0b57d0;--muted:#4a4a4a;--err:#b3261e}
@media (prefers-color-scheme:dark){:root{--fg:#eceff1;--bg:#121417;--card:#1e2226;--accent:#9ec1ff;--muted:#c4c7cc;--err:#ffb4ab}}
*{box-sizing:border-box}body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:32rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.card{background:var(--card);border-radius:.75rem;padding:1rem;margin:.75rem 0}
ul{list-style:none;padding:0;margin:0}li{margin:.5rem 0}
button,.button{font:inherit;display:block;width:100%;min-height:3rem;padding:.5rem 1rem;border-radius:.5rem;border:2px solid var(--accent);background:var(--accent);color:var(--card);cursor:pointer;text-align:start;text-decoration:none}
button.person{background:var(--card);color:var(--fg)}button.person span{display:block;color:var(--muted);font-size:.9rem}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}input{font:inherit;width:100%;min-height:3rem;padding:.5rem;border:2px solid var(--muted);border-radius:.5rem;background:var(--card);color:var(--fg)}
.hint{color:var(--muted);font-size:.9rem;margin:0}.error{color:var(--err);font-weight:600}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}a{color:var(--accent)}
nav ul{display:flex;gap:1rem;flex-wrap:wrap}.link{background:none;border:none;color:var(--accent);text-decoration:underline;padding:0;min-height:auto;width:auto}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}`;

export function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  lang: Lang;
  action: string;
  /** The same page in each language. */
  languageHref: (lang: Lang) => string;
  people: { personalCode: string; givenName: string; familyName: string }[];
  error?: boolean;
  code?: string;
}

const LANGUAGE_NAMES: Record<Lang, string> = { et: 'Eesti', en: 'English', ru: 'Русский', uk: 'Українська' };

export function loginPage(input: LoginPageInput): string {
  const { lang, action } = input;
  const t = (key: DevIdpText, name?: string) => escapeHtml(text(lang, key, name));
  const langField = `<input type="hidden" name="lang" value="${lang}">`;
  const languages = LANGS.map((l) =>
    l === lang
      ? `<li><strong lang="${l}" aria-current="true">${LANGUAGE_NAMES[l]}</strong></li>`
      : `<li><a lang="${l}" hreflang="${l}" href="${escapeHtml(input.languageHref(l))}">${LANGUAGE_NAMES[l]}</a></li>`,
  ).join('');
  const people = input.people
    .map(
      (p) => `<li><form method="post" action="${escapeHtml(action)}">
${langField}<input type="hidden" name="personal_code" value="${escapeHtml(p.personalCode)}">
<button class="person" type="submit" aria-label="${t('sign_in_as', `${p.givenName} ${p.familyName}`)}">${escapeHtml(`${p.givenName} ${p.familyName}`)}<span>${escapeHtml(p.personalCode)}</span></button>
</form></li>`,
    )
    .join('');
  const invalid = input.error
    ? ` aria-invalid="true" aria-describedby="code-hint code-error"`
    : ` aria-describedby="code-hint"`;
  return page(
    lang,
    text(lang, 'title'),
    `<nav aria-label="${t('language')}"><ul>${languages}</ul></nav>
<h1>${t('title')}</h1>
<p>${t('lead')}</p>
<section class="card" aria-labelledby="demo"><h2 id="demo">${t('demo')}</h2><ul>${people}</ul></section>
<section class="card" aria-labelledby="other"><h2 id="other">${t('other')}</h2>
<form method="post" action="${escapeHtml(action)}" novalidate>${langField}
${input.error ? `<p class="error" id="code-error" role="alert">${t('invalid')}</p>` : ''}
<label for="code">${t('code')}</label>
<p class="hint" id="code-hint">${t('code_hint')}</p>
<input id="code" name="personal_code" inputmode="numeric" autocomplete="off" maxlength="11" value="${escapeHtml(input.code ?? '')}"${invalid}${input.error ? ' autofocus' : ''}>
<label for="given">${t('given')}</label>
<input id="given" name="given_name" autocomplete="off">
<label for="family">${t('family')}</label>
<input id="family" name="family_name" autocomplete="off">
<p><button type="submit">${t('submit')}</button></p>
</form></section>
<form method="post" action="${escapeHtml(action)}">${langField}<input type="hidden" name="cancel" value="1"><button class="link" type="submit">${t('cancel')}</button></form>`,
  );
}
