import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProductImage } from '../../../components/product-image';

export function Gallery({ images, title }: { images: string[]; title: string }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const current = images[index] ?? images[0];
  return (
    <div className="gallery" data-testid="gallery">
      <ProductImage src={current} alt={title} className="gallery-main" />
      {images.length > 1 ? (
        <div className="gallery-thumbs">
          {images.map((src, i) => (
            <button
              key={src}
              type="button"
              className={`gallery-thumb${i === index ? ' gallery-thumb-active' : ''}`}
              onClick={() => setIndex(i)}
              aria-label={t('catalog.showImage', { number: i + 1 })}
            >
              <ProductImage src={src} alt={t('catalog.imageOf', { title, number: i + 1 })} />
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
