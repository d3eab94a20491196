import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useMoney } from '../../../lib/config';
import { useRoomStats } from '../api/rooms';

/** A room's figures: viewers, chat, pin clicks, orders and GMV. */
export function StatsPanel({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const stats = useRoomStats(roomId);
  if (stats.isPending) return <Spinner />;
  if (!stats.data) return <ErrorMessage error={stats.error} />;
  const s = stats.data;
  type Figure = 'viewersNow' | 'viewersPeak' | 'viewersTotal' | 'messages' | 'pinClicks' | 'orders' | 'gmv';
  const figures: [Figure, string | number][] = [
    ['viewersNow', s.viewers.now],
    ['viewersPeak', s.viewers.peak],
    ['viewersTotal', s.viewers.total],
    ['messages', s.messages],
    ['pinClicks', s.pinClicks],
    ['orders', s.orders],
    ['gmv', money(s.gmv)],
  ];
  return (
    <dl className="live-stats" data-testid="live-stats">
      {figures.map(([key, value]) => (
        <div key={key} data-testid={`live-stat-${key}`}>
          <dt>{t(`live.stats.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
