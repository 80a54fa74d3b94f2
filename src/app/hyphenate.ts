/**
 * Soft hyphens for narrow layouts. Where a line holds only a dozen letters (a narrow screen, zoom, large
 * text), a long word must break; `hyphens: auto` adds the hyphen only where the browser has the language's
 * dictionary, and many have none (Chromium on desktop Linux has none at all, Estonian is often missing).
 * So under the same width at which the bottom bar becomes a menu, every word of the page gets soft
 * hyphens (U+00AD) at its syllable boundaries: invisible unless the line breaks there, then shown as "-".
 */

/** The width (in em, so it follows the text size) under which the layout is compact: see base.css. */
export const COMPACT = '(max-width: 22.4em)';

const SHY = '\u00ad';
const VOWEL = /[aeiouyõäöüаеёиоуыэюяієї]/i;
const LETTER = /[\p{L}’'ʼ]/u;
/** Letters that end a syllable and never begin one: Cyrillic soft and hard signs, й, the apostrophe. */
const STAYS_BEFORE = /[ьъй’'ʼ]/i;
const MIN_WORD = 7;
const MIN_PART = 2;

/**
 * One word with soft hyphens where a syllable begins: before the last consonant between two vowels
 * ("Kait-se-väe-ko-hus-tu-se", "Ро-ди-тель-ское", "Ac-ces-si-bi-li-ty"). Never between two vowels,
 * never leaving fewer than two letters on a line. Any soft hyphens already there are kept as they are.
 */
export function hyphenateWord(word: string): string {
  if (word.length < MIN_WORD || word.includes(SHY) || /[\d\p{Lu}]{2}/u.test(word.slice(1))) return word;
  const vowels: number[] = [];
  for (let i = 0; i < word.length; i++) if (VOWEL.test(word[i]!)) vowels.push(i);
  const breaks: number[] = [];
  for (let k = 1; k < vowels.length; k++) {
    const [prev, next] = [vowels[k - 1]!, vowels[k]!];
    if (next - prev < 2) continue;
    // After a soft sign, й or an apostrophe in the consonants if there is one ("тель-ское"), else before
    // the last consonant ("Kait-se").
    let at = next - 1;
    for (let i = next - 1; i > prev; i--) {
      if (STAYS_BEFORE.test(word[i]!)) {
        at = i + 1;
        break;
      }
    }
    if (at <= prev || at < MIN_PART || word.length - at < MIN_PART) continue;
    if (STAYS_BEFORE.test(word[at]!) || !LETTER.test(word[at - 1]!)) continue;
    breaks.push(at);
  }
  let out = '';
  let from = 0;
  for (const at of breaks) {
    out += word.slice(from, at) + SHY;
    from = at;
  }
  return out + word.slice(from);
}

/** A text with each of its words hyphenated; what is between the words is kept as it is. */
export function hyphenateText(text: string): string {
  return text.replace(/[\p{L}’'ʼ\u00ad]+/gu, hyphenateWord);
}

const SKIP = 'script, style, textarea, option, code, pre, [translate="no"]';

function hyphenateTree(root: Node): void {
  if (root.nodeType === Node.TEXT_NODE) {
    const text = root as Text;
    if (text.parentElement?.closest(SKIP)) return;
    const data = hyphenateText(text.data);
    if (data !== text.data) text.data = data;
    return;
  }
  if (!(root instanceof Element) || root.closest(SKIP)) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) hyphenateTree(node);
}

/** Takes the soft hyphens out again: at a wider layout a word breaks nowhere, and copied text stays clean. */
function unhyphenateTree(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.includes(SHY) && !text.parentElement?.closest(SKIP)) text.data = text.data.replaceAll(SHY, '');
  }
}

/**
 * While the layout is compact, keeps every text of the page hyphenated, as the app renders new text;
 * when it widens again, the soft hyphens go. Re-hyphenating a hyphenated text changes nothing, so the
 * observer does not feed itself. The app's own texts have no soft hyphens, so none of theirs is lost.
 */
export function startHyphenation(): void {
  const compact = matchMedia(COMPACT);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') hyphenateTree(record.target);
      for (const node of record.addedNodes) hyphenateTree(node);
    }
  });
  let hyphenated = false;
  const follow = () => {
    if (compact.matches) {
      hyphenated = true;
      hyphenateTree(document.body);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    } else {
      observer.disconnect();
      if (hyphenated) unhyphenateTree(document.body);
      hyphenated = false;
    }
  };
  compact.addEventListener('change', follow);
  follow();
}
