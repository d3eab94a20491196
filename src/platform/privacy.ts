/**
 * How a person appears to others who did not choose to be public (group members, customers, team
 * members, invitees): an avatar initial and a masked name, never their id. The operator sees full
 * names on admin endpoints; people who publish (store owners) appear under the name they chose.
 */

/** Han, kana and Hangul: names written without spaces, where the family name comes first. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** The user-perceived characters of a string (an accented letter or an emoji is one). */
const graphemes = (s: string) => Array.from(segmenter.segment(s), (g) => g.segment);

const firstOf = (word: string) => graphemes(word)[0] ?? '';

/**
 * A name as strangers see it: "Chen Jie" → "Chen J.", "陈杰" → "陈*", "Madonna" → "M.".
 * Latin-style names keep the first word and the last word's initial; CJK names keep the first
 * character (the family name, as such names are written). Never empty, and never the whole name
 * of a name longer than one character.
 */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const full = words.join(' ');
  const first = firstOf(full);
  if (!first) return '?';
  let masked: string;
  if (CJK.test(full)) masked = `${first}*`;
  else if (words.length === 1) masked = `${first.toUpperCase()}.`;
  else masked = `${words[0]} ${firstOf(words.at(-1) as string).toUpperCase()}.`;
  // A name already written as its mask ("Chen J.", "M.") must still not come back whole.
  return masked === full ? `${first}*` : masked;
}

/** The letter drawn in someone's avatar. */
export const initialOf = (name: string) => firstOf(name.trim()).toUpperCase() || '?';

/** A person as another person sees them. */
export interface MaskedPerson {
  name: string;
  initial: string;
}

export const maskedPerson = (name: string): MaskedPerson => ({
  name: maskName(name),
  initial: initialOf(name),
});
