import { useState } from 'react';
import { srcSetOf } from '../lib/uploads';

interface ProductImageProps {
  src: string | undefined;
  alt: string;
  className?: string;
  /** How wide the picture is drawn, for the browser's choice among an upload's widths. */
  sizes?: string;
}

/** A product picture, or the title's first letter on a tinted tile when there is none or it fails. */
export function ProductImage({
  src,
  alt,
  className = '',
  sizes = '(max-width: 600px) 100vw, 640px',
}: ProductImageProps) {
  const [failed, setFailed] = useState(false);
  if (!src || failed) {
    return (
      <div className={`image-placeholder ${className}`} role="img" aria-label={alt}>
        <span aria-hidden="true">{alt.trim().charAt(0).toUpperCase() || '?'}</span>
      </div>
    );
  }
  const srcSet = srcSetOf(src);
  return (
    <img
      className={className}
      src={src}
      srcSet={srcSet}
      sizes={srcSet ? sizes : undefined}
      alt={alt}
      loading="lazy"
      onError={() => setFailed(true)}
    />
  );
}
