import jsQRModule from 'jsqr';
import sharp from 'sharp';

// jsqr is CommonJS (`export = jsQR`, typed as an ES default): take the function whichever way it arrives.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

/** The QR inside a PNG, decoded with jsQR from sharp's raw RGBA, as a phone camera would read it; null if none. */
export async function decodePng(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
}
