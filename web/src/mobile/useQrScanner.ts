import { useCallback, useEffect, useRef, useState } from 'react';

type Decode = typeof import('jsqr').default;

/**
 * The phone's camera read frame by frame with jsQR until a QR code is found. getUserMedia needs a secure origin
 * (https or localhost) and the user's permission; `error` says why it could not start, and the page offers typing.
 * jsQR (~130 KB) is fetched when scanning starts, beside the camera's permission prompt: a page that offers a scanner
 * (a member's service days, staff check-in) does not download it until someone scans.
 */
export function useQrScanner(onText: (text: string) => void) {
  const video = useRef<HTMLVideoElement | null>(null);
  const decode = useRef<Decode | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const frame = useRef<number | null>(null);

  const stop = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    setRunning(false);
  }, []);

  const tick = useCallback(() => {
    const v = video.current;
    const jsQR = decode.current;
    if (v && jsQR && v.readyState >= 2 && v.videoWidth) {
      const canvas = document.createElement('canvas');
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (ctx) {
        ctx.drawImage(v, 0, 0);
        const code = jsQR(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
        if (code?.data) {
          stop();
          onText(code.data);
          return;
        }
      }
    }
    frame.current = requestAnimationFrame(tick);
  }, [onText, stop]);

  const start = useCallback(async () => {
    setError(null);
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('getUserMedia');
      // Downloaded while the user answers the camera's prompt; a failure is thrown by the await below.
      const jsQR = import('jsqr');
      jsQR.catch(() => undefined);
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      decode.current = (await jsQR).default;
      if (video.current) {
        video.current.srcObject = stream.current;
        await video.current.play();
      }
      setRunning(true);
      frame.current = requestAnimationFrame(tick);
    } catch (err) {
      stop();
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [tick, stop]);

  useEffect(() => stop, [stop]);
  return { video, running, error, start, stop };
}
