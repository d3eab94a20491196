import QRCode from 'qrcode';

/**
 * A share link as a QR code in SVG. Error correction M (15%) survives a smudged or partly covered
 * print, and the URL of a share link is short enough to keep the code small.
 */
export const qrSvg = (url: string): Promise<string> =>
  QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#111111' } });
