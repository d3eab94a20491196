import { describe, expect, it } from 'vitest';
import { srcSetOf } from './uploads';

const hash = '0123456789abcdef0123456789abcdef';

describe('srcSetOf', () => {
  it('offers every standard width up to the stored one', () => {
    expect(srcSetOf(`/uploads/${hash}-1280.webp`)).toBe(
      `/uploads/${hash}-320.webp 320w, /uploads/${hash}-640.webp 640w, /uploads/${hash}-1280.webp 1280w`,
    );
    expect(srcSetOf(`/uploads/${hash}-900.webp`)).toBe(
      `/uploads/${hash}-320.webp 320w, /uploads/${hash}-640.webp 640w, /uploads/${hash}-900.webp 900w`,
    );
    expect(srcSetOf(`/uploads/${hash}-200.webp`)).toBe(`/uploads/${hash}-200.webp 200w`);
  });

  it('has none for an address that is not an upload', () => {
    expect(srcSetOf('/demo/west-lake-longjing.svg')).toBeUndefined();
    expect(srcSetOf('https://img.example.com/a-1280.webp')).toBeUndefined();
  });
});
