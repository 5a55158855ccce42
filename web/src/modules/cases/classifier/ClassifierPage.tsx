import { Button, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatNumber, formatPercent } from '../../../ui/format';
import { LoadError, Loading } from '../../../ui/states';
import { categoryName, useCategories } from '../api';
import { useClassifierOverview, useRetrain } from './api';
import { correctionColumns, METRIC_KEYS, versionColumns } from './classifierColumns';

/** 分类模型 (county admin): the model in use and its held-out figures, retraining with progress, versions, corrections. */
export default function ClassifierPage() {
  const { t, language } = useI18n();
  const feedback = useFeedback();
  const overview = useClassifierOverview();
  const retrain = useRetrain();
  const categories = useCategories();
  const names = useMemo(
    () => new Map((categories.data ?? []).map((c) => [c.code, categoryName(c, language)])),
    [categories.data, language],
  );
  const nameOf = (code: string | null) => (code ? (names.get(code) ?? code) : '—');

  if (overview.isPending) return <Loading />;
  if (overview.isError) return <LoadError error={overview.error} onRetry={() => overview.refetch()} />;
  const o = overview.data;
  const inUse = o.versions.find((v) => v.id === o.inUse);
  const figures = inUse?.metrics ?? o.shipped;
  const training = o.versions.some((v) => v.status === 'training');

  return (
    <div className="page" data-testid="classifier-page">
      <Flex className="page-head" justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('classifier.title')}
        </Typography.Title>
        <Button
          type="primary"
          loading={retrain.isPending || training}
          disabled={training}
          data-testid="classifier-retrain"
          onClick={() =>
            retrain.mutate(undefined, {
              onSuccess: () => feedback.success(t('classifier.retrainStarted')),
              onError: feedback.error,
            })
          }
        >
          {training ? t('classifier.training') : t('classifier.retrain')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('classifier.subtitle')}</Typography.Paragraph>
      <Card
        size="small"
        title={`${t('classifier.inUse')}: ${inUse ? t('classifier.version', { id: inUse.id }) : t('classifier.shipped')}`}
      >
        <Typography.Text type="secondary">{t('classifier.heldOut', { n: formatNumber(figures.size) })}</Typography.Text>
        <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
          {METRIC_KEYS.map((k) => (
            <Col xs={12} md={6} key={k}>
              <Statistic title={t(`classifier.${k}`)} value={formatPercent(figures[k])} />
            </Col>
          ))}
          <Col xs={12} md={6}>
            <Statistic title={t('classifier.corrections')} value={formatNumber(o.corrections)} />
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('classifier.versions')} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          columns={versionColumns(t)}
          dataSource={o.versions}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('classifier.noVersions') }}
          data-testid="classifier-versions"
        />
      </Card>
      <Card size="small" title={t('classifier.latestCorrections')} style={{ marginTop: 16 }}>
        <Table
          rowKey="caseId"
          size="small"
          pagination={false}
          columns={correctionColumns(t, nameOf)}
          dataSource={o.latestCorrections}
          locale={{ emptyText: t('classifier.noCorrections') }}
        />
      </Card>
    </div>
  );
}
