import { useTranslation } from 'react-i18next';
import { ImageUploadButton } from '../../../components/image-upload-button';
import { ProductImage } from '../../../components/product-image';

interface ProductImagesEditorProps {
  images: string[];
  onChange: (images: string[]) => void;
}

/** The product's pictures in order (the first is the cover): upload, move, remove. No typed addresses. */
export function ProductImagesEditor({ images, onChange }: ProductImagesEditorProps) {
  const { t } = useTranslation();
  const move = (from: number, to: number) => {
    const next = [...images];
    const [moved] = next.splice(from, 1);
    if (moved !== undefined) next.splice(to, 0, moved);
    onChange(next);
  };
  return (
    <fieldset className="field product-images" data-testid="product-images">
      <legend>{t('admin.product.images')}</legend>
      {images.length ? (
        <ol className="product-images-list">
          {images.map((url, index) => (
            <li key={url} className="product-images-item" data-testid="product-image-item">
              <ProductImage src={url} alt={t('uploads.imageNumber', { n: index + 1 })} sizes="96px" />
              <div className="product-images-actions">
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => move(index, index - 1)}
                  disabled={index === 0}
                  aria-label={t('uploads.moveEarlier', { n: index + 1 })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => move(index, index + 1)}
                  disabled={index === images.length - 1}
                  aria-label={t('uploads.moveLater', { n: index + 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  onClick={() => onChange(images.filter((_, i) => i !== index))}
                  aria-label={t('uploads.remove', { n: index + 1 })}
                >
                  {t('uploads.removeShort')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="field-hint">{t('uploads.noImages')}</p>
      )}
      <ImageUploadButton
        purpose="product"
        label={t('uploads.addImage')}
        disabled={images.length >= 12}
        testId="product-image-file"
        onUploaded={(upload) => onChange(images.includes(upload.url) ? images : [...images, upload.url])}
      />
    </fieldset>
  );
}
