import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfig } from '../lib/config';
import { type Upload, type UploadPurpose, useUploadImage } from '../lib/uploads';
import { ErrorMessage } from './error-message';

interface ImageUploadButtonProps {
  purpose: UploadPurpose;
  label: string;
  onUploaded: (upload: Upload) => void;
  disabled?: boolean;
  testId?: string;
}

/** A file picker that uploads the chosen image at once and hands back its addresses. */
export function ImageUploadButton({ purpose, label, onUploaded, disabled, testId }: ImageUploadButtonProps) {
  const { t } = useTranslation();
  const id = useId();
  const upload = useUploadImage();
  const maxMegabytes = useConfig().data?.uploadMaxMegabytes;
  return (
    <div className="image-upload">
      <label htmlFor={id} className={`btn btn-outline${disabled || upload.isPending ? ' disabled' : ''}`}>
        {upload.isPending ? t('uploads.uploading') : label}
      </label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
        disabled={disabled || upload.isPending}
        data-testid={testId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) upload.mutate({ file, purpose }, { onSuccess: onUploaded });
        }}
      />
      {maxMegabytes ? <small className="field-hint">{t('uploads.hint', { maxMegabytes })}</small> : null}
      <ErrorMessage error={upload.error} />
    </div>
  );
}
