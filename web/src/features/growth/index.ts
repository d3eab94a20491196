/** The growth system's shared web pieces: the account page's way into each part. */
export { GrowthLinks } from './components/growth-links';
