import { useTranslation } from 'react-i18next';
import type { Metrics, Thresholds } from '../api/structure';

/** The measures beside the picture, with the shape and the thresholds that decided it. */
export function StructureMetrics({ metrics, thresholds }: { metrics: Metrics; thresholds: Thresholds }) {
  const { t } = useTranslation();
  const rows = [
    ['size', metrics.size],
    ['depth', metrics.depth],
    ['breadth', metrics.breadth],
    ['triangles', metrics.triangles],
    ['clustering', metrics.clustering.toFixed(2)],
  ] as const;
  return (
    <div data-testid="structure-metrics" data-shape={metrics.shape}>
      <p>
        <span className={`badge shape-${metrics.shape}`} data-testid="structure-shape">
          {t(`structure.shape.${metrics.shape}`)}
        </span>{' '}
        <span className="muted">
          {t(`structure.shapeHint.${metrics.shape}`, { minSize: thresholds.minSize })}
        </span>
      </p>
      <dl className="stat-grid">
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`structure.metrics.${key}`)}</dt>
            <dd data-testid={`structure-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        <small>
          {t('structure.thresholds', {
            triangles: thresholds.honeycombMinTriangles,
            clustering: thresholds.honeycombMinClustering,
            depth: thresholds.towerMinDepth,
            minSize: thresholds.minSize,
          })}
        </small>
      </p>
    </div>
  );
}
