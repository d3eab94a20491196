/** The uploads module's one entry: image and video uploads behind a storage interface. */
export type { ImageLimits } from './images.js';
export { uploadsReasons } from './reasons.js';
export { uploadsRoutes } from './routes.js';
export { UPLOAD_WIDTHS, VARIANT_KEY } from './rules.js';
export { type S3Settings, s3Storage } from './s3-storage.js';
export type { Upload, VideoUpload } from './schemas.js';
export { UploadSchema, VideoUploadSchema } from './schemas.js';
export type { UploadsService } from './service.js';
export { createUploadsService } from './service.js';
export { localDiskStorage, type ObjectStorage, type StoredObject } from './storage.js';
