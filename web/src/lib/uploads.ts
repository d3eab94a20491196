import { useMutation } from '@tanstack/react-query';
import { apiClient, call, type QueryOf, type ResponseOf } from './api';

export type Upload = ResponseOf<'/api/uploads', 'post'>;
export type UploadPurpose = NonNullable<QueryOf<'/api/uploads', 'post'>['purpose']>;

/** The widths every upload is stored in (the server's UPLOAD_WIDTHS); a smaller original has fewer. */
export const UPLOAD_WIDTHS = [320, 640, 1280] as const;

// `/uploads/<hash>-<width>.webp`: the address POST /api/uploads answers for each width.
const UPLOAD_URL = /^\/uploads\/([0-9a-f]{32})-([0-9]+)\.webp$/;

/**
 * A `srcset` for an uploaded picture's address: its standard widths up to the stored one (which is
 * the largest made), so a phone loads 320 or 640 px rather than 1280. Other addresses have none.
 */
export function srcSetOf(url: string): string | undefined {
  const match = UPLOAD_URL.exec(url);
  if (!match) return undefined;
  const [, hash, stored] = match;
  const largest = Number(stored);
  const widths = [...UPLOAD_WIDTHS.filter((w) => w < largest), largest];
  return widths.map((w) => `/uploads/${hash}-${w}.webp ${w}w`).join(', ');
}

/** Sends one image file; the server checks it, resizes it and answers its addresses. */
const uploadImage = ({ file, purpose }: { file: File; purpose: UploadPurpose }) => {
  const form = new FormData();
  form.append('file', file);
  // The OpenAPI document has no multipart body type: the form goes as it is (the browser sets its boundary).
  return call(apiClient.POST('/api/uploads', { params: { query: { purpose } }, body: form as never }));
};

export function useUploadImage() {
  return useMutation({ mutationFn: uploadImage });
}
