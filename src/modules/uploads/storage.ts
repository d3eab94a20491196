import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** A stored object: its bytes and the media type it was put with. */
export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

/** What is stored under a key, without its bytes. */
export interface ObjectInfo {
  size: number;
  contentType: string;
}

/**
 * Where uploaded bytes live, by key. Keys are flat (`[A-Za-z0-9._-]`, no leading dot), so no
 * implementation has to think about paths or prefixes a caller made up.
 */
export interface ObjectStorage {
  /** Stores the bytes under the key, replacing what was there (keys are content hashes: the same bytes). */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object, or null when there is none under the key. */
  get(key: string): Promise<StoredObject | null>;
  /** The object's size and type without reading it, or null when there is none. */
  head(key: string): Promise<ObjectInfo | null>;
  /**
   * Bytes `start` to `end` (inclusive, within the size `head` gave) as a stream that reads only
   * those: a video is served by ranges, and reading all of it per request would hold it in memory.
   */
  readRange(key: string, start: number, end: number): Promise<Readable>;
  /** Removes the object; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key)) throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
}

const TYPES: Record<string, string> = {
  webp: 'image/webp',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  avif: 'image/avif',
  mp4: 'video/mp4',
  webm: 'video/webm',
};
const typeOf = (key: string) =>
  TYPES[key.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/**
 * Files in one folder (`DATA_DIR/uploads` by default). A put writes a temporary file and renames
 * it, so a reader never sees half an image. The media type comes back from the key's extension.
 */
export function localDiskStorage(folder: string): ObjectStorage {
  const pathOf = (key: string) => {
    assertSafeKey(key);
    return join(folder, key);
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(folder, { recursive: true });
      const temporary = join(folder, `.${randomUUID()}.part`);
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    },
    async get(key) {
      try {
        return { bytes: await readFile(pathOf(key)), contentType: typeOf(key) };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async head(key) {
      try {
        return { size: (await stat(pathOf(key))).size, contentType: typeOf(key) };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async readRange(key, start, end) {
      return createReadStream(pathOf(key), { start, end });
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
