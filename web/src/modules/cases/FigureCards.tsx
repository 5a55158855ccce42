import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import {
  ARTICLE_FIGURE_KEYS,
  ARTICLE_FIGURES,
  type ArticleFigure,
  type ArticleFigures,
  figureListQuery,
} from '../../api/contracts';
import { PARTY_RED } from '../../app/theme';
import { useI18n } from '../../i18n';
import { formatNumber, formatPercent } from '../../ui/format';

/** The case list that shows exactly the cases a figure counts (the definitions are figures.rules.ts, shared). */
export function figureHref(key: ArticleFigure, period: { from: string; to: string }): string {
  return `/cases?${new URLSearchParams(figureListQuery(key, period))}`;
}

/**
 * The article's figures (居民说事 collected/solved, 群众吹哨, 社区吹哨, 吹哨 solved, the three 吹哨报到 rates against their
 * targets), each a link to the cases it counts.
 */
export function FigureCards({
  figures,
  period,
  loading,
  compact = false,
}: {
  figures: ArticleFigures | undefined;
  period: { from: string; to: string };
  loading: boolean;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const card = (key: ArticleFigure) => {
    const f = figures?.[key];
    const rate = ARTICLE_FIGURES[key].kind === 'rate';
    const below = rate && f?.rate != null && f.target != null && f.rate < f.target;
    const footer = !f
      ? null
      : rate
        ? `${t('caseFigures.target', { target: formatPercent(f.target, 0) })} · ${t('caseFigures.basis', { hits: formatNumber(f.hits), count: formatNumber(f.count) })}`
        : key === 'whistleSolved'
          ? t('caseFigures.whistleSolvedUnit')
          : key === 'voiceRaised' || key === 'voiceSolved'
            ? t('caseFigures.voiceChannels')
            : null;
    return (
      <Link to={figureHref(key, period)} data-testid={`figure-${key}`}>
        <Card size="small" className="stat-card" hoverable>
          {loading ? (
            <Skeleton active paragraph={false} />
          ) : (
            <>
              <Statistic
                title={t(`caseFigures.${key}`)}
                value={rate ? formatPercent(f?.rate) : formatNumber(f?.count)}
                styles={{ content: { color: below ? '#cf1322' : PARTY_RED, fontSize: compact ? 20 : 24 } }}
              />
              {footer && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {footer}
                </Typography.Text>
              )}
            </>
          )}
        </Card>
      </Link>
    );
  };
  return (
    <Row gutter={[12, 12]} data-testid="article-figures">
      {ARTICLE_FIGURE_KEYS.map((k) => (
        <Col key={k} xs={12} sm={8} md={6} xl={ARTICLE_FIGURES[k].kind === 'rate' ? 8 : 4}>
          {card(k)}
        </Col>
      ))}
    </Row>
  );
}
