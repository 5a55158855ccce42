import jsQR from 'jsqr';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The phone's camera read frame by frame with jsQR until a QR code is found. getUserMedia needs a secure origin
 * (https or localhost) and the user's permission; `error` says why it could not start, and the page offers typing.
 */
export function useQrScanner(onText: (text: string) => void) {
  const video = useRef<HTMLVideoElement | null>(null);
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
    if (v && v.readyState >= 2 && v.videoWidth) {
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
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
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

/** The token in what was read or typed: the raw token, or a link whose path ends in /m/scan/<token>. */
export function tokenOfText(text: string): string {
  const trimmed = text.trim();
  const at = trimmed.lastIndexOf('/m/scan/');
  if (at < 0) return trimmed;
  return decodeURIComponent(trimmed.slice(at + '/m/scan/'.length).split(/[?#]/)[0]);
}
