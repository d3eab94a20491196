import { Fragment } from 'react';
import { paragraphsOf } from './paragraphs';

/** Plain text as paragraphs with line breaks: React escapes it, so markup stays text. */
export function PlainText({ text, testId }: { text: string; testId?: string }) {
  return (
    <div className="plain-text" data-testid={testId}>
      {paragraphsOf(text).map((lines, p) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their place.
        <p key={p}>
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same for lines within one.
            <Fragment key={i}>
              {i > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
