/**
 * Plain text's paragraphs, as the academy stores lessons, questions and answers: split by blank
 * lines, each paragraph's lines kept (shown as line breaks). Text, never HTML.
 */
export const paragraphsOf = (text: string): string[][] =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => p.split('\n'));
