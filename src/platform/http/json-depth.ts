/** How deeply a JSON body may nest objects and arrays; no request of the API needs more than a few. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether JSON text opens more than `max` objects or arrays inside each other, found by one scan
 * of the text before anything parses it: a megabyte of `[[[[…` otherwise costs JSON.parse, then
 * every walk over the value (validation, the NUL check), hundreds of milliseconds of the event
 * loop. Brackets inside strings do not count; a backslash escapes the next character (so `"\\"`
 * ends its string). Only the depth is judged; malformed text is left for the parser to refuse.
 */
export function exceedsJsonDepth(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}
