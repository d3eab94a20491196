import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The session's video: an HLS stream through hls.js (loaded only when a room needs it), or the
 * browser's own HLS (Safari), or an uploaded MP4/WebM in a plain <video>. `onTime` reports the
 * position in ms, which a replay places its pins and chat by.
 */
export function Player({
  streamUrl,
  videoUrl,
  live,
  onTime,
}: {
  streamUrl: string | null;
  videoUrl: string | null;
  live: boolean;
  onTime?: (ms: number) => void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const element = video.current;
    if (!element || !streamUrl) return;
    if (element.canPlayType('application/vnd.apple.mpegurl')) {
      element.src = streamUrl;
      return;
    }
    let destroy: (() => void) | undefined;
    let cancelled = false;
    void import('hls.js').then(({ default: Hls }) => {
      if (cancelled || !Hls.isSupported()) return;
      const hls = new Hls({ liveDurationInfinity: live });
      hls.loadSource(streamUrl);
      hls.attachMedia(element);
      destroy = () => hls.destroy();
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [streamUrl, live]);

  return (
    <video
      ref={video}
      className="live-video"
      data-testid="live-video"
      src={videoUrl ?? undefined}
      controls
      playsInline
      muted={live}
      autoPlay={live}
      aria-label={t('live.video')}
      onTimeUpdate={(e) => onTime?.(Math.floor(e.currentTarget.currentTime * 1000))}
    />
  );
}
