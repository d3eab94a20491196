import { useState } from 'react';

interface ProductImageProps {
  src: string | undefined;
  alt: string;
  className?: string;
}

/** A product picture, or the title's first letter on a tinted tile when there is none or it fails. */
export function ProductImage({ src, alt, className = '' }: ProductImageProps) {
  const [failed, setFailed] = useState(false);
  if (!src || failed) {
    return (
      <div className={`image-placeholder ${className}`} role="img" aria-label={alt}>
        <span aria-hidden="true">{alt.trim().charAt(0).toUpperCase() || '?'}</span>
      </div>
    );
  }
  return <img className={className} src={src} alt={alt} loading="lazy" onError={() => setFailed(true)} />;
}
