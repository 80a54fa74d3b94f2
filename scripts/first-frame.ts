/**
 * The prerendered first frame (a Vite plugin): index.html gets the shell, the signed-out Home and the
 * signed-in dashboard's skeleton as one template, the strings they show in the four languages, the script
 * that picks and paints them (src/contract/first-frame.ts), and the app's stylesheet inline. So the first
 * paint waits for no other file and no JavaScript of the app.
 *
 * The markup is the app's own first frame (app/Shell.tsx, features/dashboard/Home.tsx, DashboardSkeleton.tsx,
 * auth/SignInCard.tsx) written out once more: tests/e2e/first-frame.test.ts checks that each element the
 * two draw sits in the same place with the same text, in each state.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { FIRST_FRAME_SCRIPT } from '../src/contract/first-frame';
import { LANGS } from '../src/contract/langs';
import { typesetIn } from '../src/i18n/typeset';
import { ICON_PATHS } from '../src/ui/icon-paths';

const MARKER = '<!-- first frame -->';
const LANGUAGE_NAMES = { et: 'Eesti', en: 'English', ru: 'Русский', uk: 'Українська' };

/** What the frame shows, by the key the template names it with; `title` is the document's. */
const TEXTS: Record<string, string | [string, Record<string, string>]> = {
  skip: 'a11y.skip_to_content',
  app: 'app.name',
  home_link: ['a11y.home_link', { app: 'app.name' }],
  language: 'settings.language',
  help: 'nav.help',
  main_navigation: 'a11y.main_navigation',
  menu: 'nav.menu',
  home: 'nav.home',
  events: 'nav.events',
  offers: 'nav.offers',
  inbox: 'nav.inbox',
  more: 'nav.more',
  heading: 'home.title',
  lead: 'home.lead',
  start_title: 'auth.start_title',
  start_text: 'auth.start_text',
  start_how: 'auth.start_how',
  sign_in: 'auth.sign_in',
  start_browse: 'auth.start_browse',
  life_events: 'home.life_events',
  loading_catalogue: 'home.loading_catalogue',
  all_services: 'home.all_services',
  dashboard_loading: 'dashboard.loading',
};

type Strings = Record<string, unknown>;

function lookup(strings: Strings, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Strings | undefined)?.[part], strings);
  if (typeof value !== 'string') throw new Error(`first frame: no string ${key}`);
  return value;
}

/** The frame's strings in one language, as the app's t() shows them. */
export function frameStrings(lang: (typeof LANGS)[number], strings: Strings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(TEXTS)) {
    const [key, values] = typeof spec === 'string' ? [spec, {}] : spec;
    let text = lookup(strings, key);
    for (const [variable, valueKey] of Object.entries(values))
      text = text.replace(`{{${variable}}}`, lookup(strings, valueKey));
    out[name] = typesetIn(lang, text);
  }
  out.title = `${out.heading} · ${out.app}`;
  return out;
}

const icon = (name: keyof typeof ICON_PATHS, size = 24) =>
  `<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" width="${size}" height="${size}"><path d="${ICON_PATHS[name]}"></path></svg>`;

const NAV = [
  ['/', 'home', 'home'],
  ['/events', 'events', 'events'],
  ['/offers', 'offers', 'offers'],
  ['/inbox', 'inbox', 'inbox'],
  ['/more', 'more', 'more'],
] as const;

const repeat = (n: number, html: string) => html.repeat(n);

/** The shell, and on Home the page for each state; `data-when` marks what the script keeps. */
const TEMPLATE = `<div class="shell" data-first-frame>
<a class="skip-link" href="#main" data-t="skip"></a>
<header class="topbar"><a href="/" class="brand" data-label="home_link"><svg class="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true"><rect width="32" height="32" rx="8" fill="currentColor"></rect><path d="M8 11h16M8 16h16M8 21h10" stroke="var(--color-on-primary)" stroke-width="3" stroke-linecap="round"></path></svg><span class="brand-name" data-t="app"></span></a>
<label class="language">${icon('globe', 20)}<span class="visually-hidden" data-t="language"></span><select id="language" name="language">${LANGS.map((lang) => `<option value="${lang}" lang="${lang}">${LANGUAGE_NAMES[lang]}</option>`).join('')}</select></label>
<a href="/help" class="account-link help-link">${icon('help')}<span class="account-label" data-t="help"></span></a>
<span class="account-slot"></span></header>
<nav class="nav" data-label="main_navigation"><button type="button" class="nav-toggle" aria-controls="nav-list" aria-expanded="false"><span class="nav-icon">${icon('more')}</span><span data-t="menu"></span></button>
<ul id="nav-list">${NAV.map(([href, name, key]) => `<li><a href="${href}"><span class="nav-icon">${icon(name)}</span><span class="nav-label" data-t="${key}"></span></a></li>`).join('')}</ul></nav>
<main id="main" tabindex="-1"><div role="status" class="offline-slot"></div><div role="alert" class="read-failed-slot"></div>
<div class="sync-status" aria-hidden="true" data-when="signed-in"><p class="sync-line"></p></div>
<article class="page" data-when="home"><h1 tabindex="-1" data-t="heading"></h1>
<p class="lead" data-when="signed-out" data-t="lead"></p>
<section class="card sign-in-card" aria-labelledby="sign-in-title" data-when="signed-out"><h2 id="sign-in-title" data-t="start_title"></h2><p data-t="start_text"></p><p class="muted" data-t="start_how"></p><a class="button button-primary" rel="external" href="/auth/login?return_to=%2F&amp;lang=et" data-lang-href="/auth/login?return_to=%2F&amp;lang=" data-t="sign_in"></a><p class="muted" data-t="start_browse"></p></section>
<section class="group" aria-labelledby="home-events" data-when="signed-out"><h2 id="home-events" data-t="life_events"></h2><p class="visually-hidden" data-t="loading_catalogue"></p><ul class="tile-grid" aria-hidden="true">${repeat(8, '<li class="tile tile-placeholder"></li>')}</ul><a href="/services" class="text-link" data-t="all_services"></a></section>
<div class="dashboard-skeleton" data-when="signed-in"><p class="visually-hidden" role="status" data-t="dashboard_loading"></p><div aria-hidden="true"><p class="greeting"><span class="skeleton-line">&nbsp;</span></p><section class="group"><h2><span class="skeleton-line">&nbsp;</span></h2><ul class="card-list">${repeat(3, '<li class="card card-placeholder"></li>')}</ul></section></div></div>
</article></main></div>`;

/** The template, the strings and the script that paints them, for index.html's root. */
export function firstFrameHtml(readStrings: (lang: string) => Strings): string {
  const strings = Object.fromEntries(LANGS.map((lang) => [lang, frameStrings(lang, readStrings(lang))]));
  // In a script element, "<" is written as its escape, so no text can close the element.
  const json = JSON.stringify(strings).replaceAll('<', '\\u003c');
  return [
    `<template id="first-frame">${TEMPLATE}</template>`,
    `<script type="application/json" id="first-frame-strings">${json}</script>`,
    `<script>${FIRST_FRAME_SCRIPT}</script>`,
  ].join('\n');
}

const readLocale = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../locales/${lang}/translation.json`, import.meta.url), 'utf8')) as Strings;

/** Puts the first frame in index.html, and in a build the entry's stylesheet inline in place of its link. */
export function firstFrame(): Plugin {
  return {
    name: 'first-frame',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!html.includes(MARKER)) throw new Error(`first frame: index.html has no "${MARKER}"`);
        let out = html.replace(MARKER, () => firstFrameHtml(readLocale));
        const bundle = context.bundle;
        if (!bundle) return out;
        out = out.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)">/g, (_link, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset') throw new Error(`first frame: no stylesheet ${file} in the build`);
          delete bundle[file];
          return `<style>${String(asset.source)}</style>`;
        });
        return out;
      },
    },
  };
}
