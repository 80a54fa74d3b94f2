import type { EventService, SubService } from '../contract/catalogue';
import type { Localized } from '../contract/i18n';
import { LANGS } from '../contract/langs';
import SEARCH_WORDS from './search-words.json';

/** Lower-case without diacritics, so "sunni" finds "sünni" and "Õ" matches "o". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True when every word of the query occurs in one of the texts. */
export function matchesQuery(query: string, texts: string[]): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(texts.join(' '));
  return words.every((word) => haystack.includes(word));
}

const WORDS = new Map<string, string[]>();
for (const [id, entry] of Object.entries(SEARCH_WORDS)) {
  if (typeof entry === 'object')
    WORDS.set(
      id,
      LANGS.flatMap((lang) => entry[lang]),
    );
}

/** The everyday words people search a service by, in every language: a Ukrainian may read the app in Estonian. */
export const searchWords = (id: string): string[] => WORDS.get(id) ?? [];

export interface ServiceMatch {
  es: EventService;
  /** The sub-services the query names; empty when it names only the life event. */
  subs: SubService[];
}

/** The life events a query finds, by their own texts (in the screen's language) or their search words. */
export function searchServices(
  query: string,
  services: EventService[],
  text: (l: Localized) => string,
): ServiceMatch[] {
  return services
    .map((es) => ({
      es,
      subs: es.subServices.filter((s) =>
        matchesQuery(query, [text(s.name), text(s.description), ...searchWords(s.id)]),
      ),
    }))
    .filter(
      ({ es, subs }) =>
        subs.length > 0 || matchesQuery(query, [text(es.name), text(es.description), ...searchWords(es.id)]),
    );
}
