import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Localized } from '../../contract/i18n';
import { LANGS } from '../../contract/langs';
import type { OfferKind } from '../../contract/offers';
import { LEGAL_BASIS_URL } from './legal-acts';

/**
 * The rules' words live beside the app's, one file per language: locales/<lang>/rules.json (registers,
 * field labels, offer notices, each rule's legal and data basis, and what a register event writes in a
 * step). They are read when the server starts; a key missing in one language, or one that Estonian lacks,
 * stops the start.
 */
const LOCALES = join(import.meta.dirname, '../../../locales');

type Tree = { [key: string]: string | Tree };
const files = Object.fromEntries(
  LANGS.map((lang) => [lang, JSON.parse(readFileSync(join(LOCALES, lang, 'rules.json'), 'utf8')) as Tree]),
);

const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
for (const lang of LANGS) {
  const extra = keysOf(files[lang]).filter((key) => !keysOf(files.et).includes(key));
  if (extra.length) throw new Error(`locales/${lang}/rules.json: ${extra.join(', ')} not in et`);
}

/** The text at a dotted key (`labels.child`, `rules.child-allowance.dataBasis`) in every language. */
export function text(key: string): Localized {
  const entries = LANGS.map((lang) => {
    const value = key.split('.').reduce<string | Tree | undefined>((node, part) => {
      return typeof node === 'object' ? node[part] : undefined;
    }, files[lang]);
    if (typeof value !== 'string' || !value) throw new Error(`locales/${lang}/rules.json: no text at ${key}`);
    return [lang, value];
  });
  return Object.fromEntries(entries) as Localized;
}

/** The texts of one section by name: `section('labels', ['child'])` is `{child: text('labels.child')}`. */
export function section<K extends string>(name: string, keys: readonly K[]): Record<K, Localized> {
  return Object.fromEntries(keys.map((key) => [key, text(`${name}.${key}`)])) as Record<K, Localized>;
}

/** A rule's legal basis, its address in Riigi Teataja, and data basis (a template: see RuleVariables in evaluate.ts). */
export const ruleTexts = (ruleId: string) => ({
  legalBasis: text(`rules.${ruleId}.legalBasis`),
  legalBasisUrl: LEGAL_BASIS_URL[ruleId] ?? null,
  dataBasis: text(`rules.${ruleId}.dataBasis`),
});

/** The registers data comes from. */
export const REGISTER = section('registers', ['population', 'socialInsurance', 'disability', 'defence']);

/** The labels of prefilled fields. */
export const LABEL = section('labels', [
  'name',
  'personalCode',
  'address',
  'bankAccount',
  'child',
  'childBirthDate',
  'childPersonalCode',
  'benefitStart',
  'pensionStart',
  'deceased',
  'severity',
]);

/** What the person reads about an offer in notifications and step histories; {{agency}} and {{deadline}} filled in. */
export const OFFER_TEXT = section('offer', [
  'notifyConsent',
  'notifyAutomatic',
  'notifyDuty',
  'stepConsent',
  'stepAutomatic',
  'stepDuty',
  'confirmed',
  'undone',
  'accepted',
  'declined',
  'acceptedBy',
  'declinedBy',
  'undoneBy',
  'expired',
  'granted',
  'caseOpened',
]);

/** What a decline or a missed deadline means, for rules that say nothing more particular. */
export const CONSEQUENCES = {
  consent: section('consequences.consent', ['decline', 'deadline']),
  automatic: section('consequences.automatic', ['decline', 'deadline']),
};

/** A rule's own words on what a decline and a missed deadline mean. */
export const ruleConsequences = (ruleId: string) => section(`rules.${ruleId}.consequences`, ['decline', 'deadline']);

/** The notification that tells the person of a new offer or duty. */
export const notifyText = (kind: OfferKind): Localized =>
  kind === 'duty' ? OFFER_TEXT.notifyDuty : kind === 'consent' ? OFFER_TEXT.notifyConsent : OFFER_TEXT.notifyAutomatic;

/** The reason in the step's history when the offer or duty is made. */
export const stepText = (kind: OfferKind): Localized =>
  kind === 'duty' ? OFFER_TEXT.stepDuty : kind === 'consent' ? OFFER_TEXT.stepConsent : OFFER_TEXT.stepAutomatic;
