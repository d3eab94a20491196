/**
 * An audit entry's codes in the reader's words: `product.bulk.price` is what it is about (its
 * subject, `product.bulk`) and what was done (its verb, `price`), each translated when known and
 * shown as the code otherwise (an action added later still reads, if not translated yet).
 * Keys use `_` for `.` and `-`, which i18next would read as nesting.
 */
type Translate = (key: string, options: { defaultValue: string }) => string;

const keyOf = (code: string) => code.replace(/[.-]/g, '_');

export function actionWords(action: string, t: Translate): string {
  const parts = action.split('.');
  const verb = parts.length > 1 ? (parts.pop() as string) : '';
  const subject = parts.join('.');
  const said = t(`adminAudit.subjects.${keyOf(subject)}`, { defaultValue: subject });
  return verb ? `${said} · ${t(`adminAudit.verbs.${keyOf(verb)}`, { defaultValue: verb })}` : said;
}

export const targetWords = (type: string, t: Translate) =>
  t(`adminAudit.subjects.${keyOf(type)}`, { defaultValue: type });

/** A changed field: its last part translated (`price`), what it belongs to kept (`variants.TEA-1`). */
export function fieldWords(field: string, t: Translate): string {
  const parts = field.split('.');
  const last = parts.pop() as string;
  const said = t(`adminAudit.fields.${keyOf(last)}`, { defaultValue: last });
  const owner = parts[0] === 'variants' ? parts.slice(1).join('.') : parts.join('.');
  return owner ? `${owner} · ${said}` : said;
}
