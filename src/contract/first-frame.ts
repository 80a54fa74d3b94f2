/**
 * The one inline script of index.html: it paints the first frame before any of the app's code has loaded.
 * index.html carries that frame as a template (built by scripts/first-frame.ts) and its strings in the four
 * languages; the script picks the language the app will pick (i18n/detect.ts: the saved choice, else the
 * browser's first language we speak, else Estonian), and from the signed-in hint cookie either the
 * signed-out Home or the signed-in dashboard's skeleton. On any other page, offline, or after a refused
 * sign-in it paints the shell alone (top bar and menu), which is true on every page. The app then renders
 * hidden behind it and takes its place in one frame (app/Shell.tsx).
 *
 * The server's CSP allows this script by its hash (server/app.ts), so it must stay one constant string.
 */
export const FIRST_FRAME_SCRIPT = `(() => {
  const strings = JSON.parse(document.getElementById('first-frame-strings').textContent);
  let lang = null;
  try {
    lang = localStorage.getItem('minu-riik.lang');
  } catch {}
  if (!Object.hasOwn(strings, lang)) {
    const tags = navigator.languages || [navigator.language];
    lang = tags.map((tag) => tag.toLowerCase().split('-')[0]).find((base) => Object.hasOwn(strings, base)) || 'et';
  }
  const text = strings[lang];
  const signedIn = document.cookie.split('; ').includes('mr_signed_in=1');
  const atHome = location.pathname === '/';
  const home = atHome && navigator.onLine && !new URLSearchParams(location.search).has('sign_in_error');
  const frame = document.getElementById('first-frame').content.cloneNode(true);
  for (const el of frame.querySelectorAll('[data-when]')) {
    const when = el.dataset.when;
    if (when === 'home' ? !home : when !== (signedIn ? 'signed-in' : 'signed-out')) el.remove();
  }
  for (const el of frame.querySelectorAll('[data-t]')) el.textContent = text[el.dataset.t];
  for (const el of frame.querySelectorAll('[data-label]')) el.setAttribute('aria-label', text[el.dataset.label]);
  for (const el of frame.querySelectorAll('[data-lang-href]')) el.href = el.dataset.langHref + lang;
  if (atHome) {
    for (const el of frame.querySelectorAll('a[href="/"]')) {
      el.classList.add('active');
      el.setAttribute('aria-current', 'page');
    }
  }
  frame.querySelector('select').value = lang;
  document.documentElement.lang = lang;
  if (home) document.title = text.title;
  document.getElementById('root').replaceChildren(frame);
})();`;
