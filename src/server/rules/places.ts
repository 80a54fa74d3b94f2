import type { Lang } from '../../contract/i18n';
import { text } from './texts';

/**
 * A place of residence from the population register, written per language. The register writes a
 * municipality's official Estonian name ("Pärnu linn", "Viimsi vald", "Tallinn"); outside Estonia it
 * has only the country's code ("FI"). A field keeps the official name, as the register has it and the
 * agency receives it; running text on en, ru and uk screens gets the translation: the kind of
 * municipality in the screen's language, and the town's exonym where one is established (the
 * fifteen towns). A parish keeps its Estonian proper name ("волость Viimsi"); docs/content-style.md.
 */
export type Place = { municipality: string } | { country: string };

type Exonyms = Record<'en' | 'ru' | 'uk', string>;

/** Established names of the towns (linn) in Russian and Ukrainian; English writes them as Estonian does. */
const EXONYMS: Record<string, Omit<Exonyms, 'en'>> = {
  Tallinn: { ru: 'Таллинн', uk: 'Таллінн' },
  Tartu: { ru: 'Тарту', uk: 'Тарту' },
  Narva: { ru: 'Нарва', uk: 'Нарва' },
  Pärnu: { ru: 'Пярну', uk: 'Пярну' },
  'Kohtla-Järve': { ru: 'Кохтла-Ярве', uk: 'Кохтла-Ярве' },
  Viljandi: { ru: 'Вильянди', uk: 'Вільянді' },
  Maardu: { ru: 'Маарду', uk: 'Маарду' },
  Rakvere: { ru: 'Раквере', uk: 'Раквере' },
  Sillamäe: { ru: 'Силламяэ', uk: 'Сілламяе' },
  Võru: { ru: 'Выру', uk: 'Виру' },
  Haapsalu: { ru: 'Хаапсалу', uk: 'Гаапсалу' },
  Keila: { ru: 'Кейла', uk: 'Кейла' },
  Paide: { ru: 'Пайде', uk: 'Пайде' },
  Loksa: { ru: 'Локса', uk: 'Локса' },
  'Narva-Jõesuu': { ru: 'Нарва-Йыэсуу', uk: 'Нарва-Йиесуу' },
};

const KINDS = { linn: 'city', vald: 'parish' } as const;
const KIND_TEXT = { city: text('places.city'), parish: text('places.parish') };

/** The proper name in a language: the exonym where there is one, else the Estonian name. */
const properName = (name: string, lang: 'en' | 'ru' | 'uk') => (lang === 'en' ? name : (EXONYMS[name]?.[lang] ?? name));

function municipalityName(official: string, lang: Lang): string {
  if (lang === 'et') return official;
  const match = /^(.+) (linn|vald)$/.exec(official);
  if (!match) return properName(official, lang);
  const kind = KIND_TEXT[KINDS[match[2] as keyof typeof KINDS]][lang];
  return kind.replace('{{name}}', properName(match[1], lang));
}

function countryName(code: string, lang: Lang): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The place in running text in `lang`, or as a field's value ('field': the register's own words, in Estonian). */
export function placeName(place: Place, lang: Lang | 'field'): string {
  const l = lang === 'field' ? 'et' : lang;
  return 'municipality' in place ? municipalityName(place.municipality, l) : countryName(place.country, l);
}
