import { describe, expect, it } from 'vitest';
import { paragraphsOf } from './paragraphs';

describe('paragraphsOf', () => {
  it('splits by blank lines and keeps single line breaks inside a paragraph', () => {
    expect(paragraphsOf('One\ntwo\n\nThree\r\n\r\n\r\nFour')).toEqual([['One', 'two'], ['Three'], ['Four']]);
  });

  it('drops empty paragraphs and keeps markup as text', () => {
    expect(paragraphsOf('\n\n  \n\n<b>bold</b>\n\n')).toEqual([['<b>bold</b>']]);
    expect(paragraphsOf('')).toEqual([]);
  });
});
