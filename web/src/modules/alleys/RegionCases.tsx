import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { labelOf, useI18n } from '../../i18n';
import { formatCountyDateTime } from '../../ui/format';
import { LoadError, Loading } from '../../ui/states';
import { useRegionCases } from './api';
import { caseFigureVars } from './logic';

/** 区域事项 on the staff region page: the cases located in the region, with how fast they were solved. */
export function RegionCases({ id }: { id: string }) {
  const { t } = useI18n();
  const q = useRegionCases(id);
  return (
    <Card size="small" title={t('alleys.cases')} data-testid="alley-region-cases">
      {q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading />
      ) : (
        <>
          <Typography.Paragraph>
            {t(
              'alleys.caseFigures',
              caseFigureVars(q.data, (n) => t('alleys.hours', { n })),
            )}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={q.data.latest}
            locale={{ emptyText: t('alleys.noCases') }}
            renderItem={(c) => (
              <List.Item extra={<Tag>{labelOf('caseStatus', c.status)}</Tag>}>
                <Link to={`/cases/${c.id}`}>
                  {c.number} {c.title}
                </Link>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {formatCountyDateTime(c.reportedAt)}
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
