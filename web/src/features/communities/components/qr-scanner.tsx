import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Reads a QR code with the phone's back camera: frames of the video are drawn on a canvas and
 * handed to jsQR a few times a second; the first code read is passed on and the camera stops.
 */
export function QrScanner({ onCode, onClose }: { onCode: (text: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let done = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    async function start() {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
      } catch {
        setFailed(true);
        return;
      }
      const element = video.current;
      if (!element || done) return;
      element.srcObject = stream;
      await element.play().catch(() => undefined);
      timer = window.setInterval(() => {
        if (!context || element.videoWidth === 0) return;
        canvas.width = element.videoWidth;
        canvas.height = element.videoHeight;
        context.drawImage(element, 0, 0, canvas.width, canvas.height);
        const frame = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
        if (found?.data && !done) {
          done = true;
          onCode(found.data);
        }
      }, 250);
    }
    void start();
    return () => {
      done = true;
      if (timer) window.clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onCode]);
  return (
    <div className="qr-scanner" data-testid="qr-scanner">
      {failed ? (
        <p className="alert alert-warning" role="status">
          {t('communities.leader.cameraUnavailable')}
        </p>
      ) : (
        <video ref={video} playsInline muted className="qr-video" />
      )}
      <button type="button" className="btn btn-secondary btn-block" onClick={onClose}>
        {t('communities.leader.stopScanning')}
      </button>
    </div>
  );
}
