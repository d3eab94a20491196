import { useTranslation } from 'react-i18next';
import type { Lesson } from '../types';

/**
 * A video file of the shop's own origin plays in the page (the page's policy allows media from
 * there only); any other video, a third-party page above all, is a link opened outside the app.
 */
export function LessonVideo({ video }: { video: NonNullable<Lesson['video']> }) {
  const { t } = useTranslation();
  if (video.kind === 'file') {
    return (
      // biome-ignore lint/a11y/useMediaCaption: lessons' videos come without caption files; the text says the same.
      <video
        className="lesson-video"
        src={video.url}
        controls
        preload="metadata"
        data-testid="lesson-video"
      />
    );
  }
  return (
    <a
      className="btn btn-outline lesson-video-link"
      href={video.url}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="lesson-video-link"
    >
      {t('academy.watchVideo')}
    </a>
  );
}
