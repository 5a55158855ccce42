import {
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  List,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  type AlleyInspectionView,
  type AlleyItemView,
  type AlleyRegionDetail,
  TASK_DUE_DAYS,
} from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { formatCountyDateTime, formatDate } from '../../ui/format';
import { useIsMobile } from '../../ui/useIsMobile';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { useAlleyWrites, useRegion } from './api';
import { ScoreTag } from './AlleyRegionsPage';
import { ItemDocuments } from './ItemDocuments';
import { ItemLink } from './ItemLink';
import { ItemPhotos } from './ItemPhotos';
import { RegionCases } from './RegionCases';
import { STATUS_COLOUR } from './logic';
import { TaskActions } from './TaskActions';
import { TaskStateTag, taskLine } from './taskColumns';

type T = ReturnType<typeof useI18n>['t'];

/** One alley region: its grid and heads, the 六有 checklist with evidence, its open items and its inspections. */
export default function AlleyRegionPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const region = useRegion(id);
  if (region.isError) return <LoadError error={region.error} onRetry={() => void region.refetch()} />;
  if (!region.data) return <Loading />;
  const r = region.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="alley-region-page">
      <Space align="center" wrap>
        <Link to="/alleys">← {t('alleys.back')}</Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {r.code} {r.name}
        </Typography.Title>
        <ScoreTag score={r.score} />
      </Space>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('alleys.community')}>{r.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('alleys.grid')}>{r.gridName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('alleys.inspectedAt')}>
            {r.inspectedAt ? formatCountyDateTime(r.inspectedAt) : t('alleys.never')}
          </Descriptions.Item>
          <Descriptions.Item label={t('alleys.heads')} span={3}>
            {r.heads.length
              ? r.heads
                  .map((h) => t('alleys.headSince', { name: h.name, date: formatDate(h.since) }))
                  .join(t('alleys.sep'))
              : t('alleys.noHeads')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <RegionCases id={r.id} />
      <Card size="small" title={t('alleys.openItems')} data-testid="alley-open-items">
        {r.weakItems.length ? (
          <Space size={[6, 6]} wrap>
            {r.weakItems.map((i) => {
              const item = r.items.find((x) => x.item === i);
              return (
                <Tag key={i} color={item ? STATUS_COLOUR[item.status] : undefined}>
                  {t(`sixHave.${i}`)} · {item ? t(`sixHaveStatus.${item.status}`) : ''}
                </Tag>
              );
            })}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('alleys.noOpenItems')}</Typography.Text>
        )}
      </Card>
      <RegionTasks region={r} />
      <Card size="small" title={t('alleys.checklist')}>
        <Typography.Text type="secondary">{t('alleys.scoreRule')}</Typography.Text>
        <List
          data-testid="alley-checklist"
          dataSource={r.items}
          renderItem={(item) => <ChecklistRow region={r} item={item} />}
        />
      </Card>
      <Card size="small" title={t('alleys.history')}>
        <Table<AlleyInspectionView>
          data-testid="alley-history"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.inspections}
          scroll={{ x: 900 }}
          locale={{ emptyText: <EmptyState description={t('alleys.noHistory')} /> }}
          columns={historyColumns(t)}
        />
      </Card>
    </Space>
  );
}

function ChecklistRow({ region, item }: { region: AlleyRegionDetail; item: AlleyItemView }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { updateItem } = useAlleyWrites();
  const [editing, setEditing] = useState<string | null>(null);
  const save = async () => {
    try {
      await updateItem.mutateAsync({
        id: region.id,
        item: item.item,
        evidenceNote: editing?.trim() || null,
        version: item.version,
      });
      feedback.success(t('alleys.saved'));
      setEditing(null);
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <List.Item
      data-testid={`alley-item-${item.item}`}
      actions={
        region.mayManage && editing === null
          ? [
              <Button key="edit" size="small" onClick={() => setEditing(item.evidenceNote ?? '')}>
                {t('alleys.edit')}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space>
            <span>{t(`sixHave.${item.item}`)}</span>
            <Tag color={STATUS_COLOUR[item.status]}>{t(`sixHaveStatus.${item.status}`)}</Tag>
          </Space>
        }
        description={
          editing !== null ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                value={editing}
                maxLength={1000}
                autoSize={{ minRows: 2, maxRows: 5 }}
                placeholder={t('alleys.evidencePlaceholder')}
                onChange={(e) => setEditing(e.target.value)}
              />
              <Space>
                <Button size="small" onClick={() => setEditing(null)}>
                  {t('alleys.cancel')}
                </Button>
                <Button size="small" type="primary" loading={updateItem.isPending} onClick={() => void save()}>
                  {t('alleys.save')}
                </Button>
              </Space>
            </Space>
          ) : (
            <>
              <div>{t('alleys.evidenceLine', { text: item.evidenceNote ?? t('alleys.noEvidence') })}</div>
              <ItemLink regionId={region.id} item={item} mayManage={region.mayManage} />
              <Flex wrap gap={8} align="center">
                <ItemDocuments regionId={region.id} item={item} mayManage={region.mayManage} />
                <ItemPhotos regionId={region.id} item={item} mayManage={region.mayManage} />
              </Flex>
            </>
          )
        }
      />
    </List.Item>
  );
}

/** 整改任务 of the region: the open ones (overdue in red) with their actions, and the ten closed last. */
function RegionTasks({ region }: { region: AlleyRegionDetail }) {
  const { t } = useI18n();
  // On a narrow screen the actions go under the task, not beside it.
  const narrow = useIsMobile();
  return (
    <Card
      size="small"
      title={t('alleys.tasks')}
      extra={
        <Typography.Text type={region.overdueTasks ? 'danger' : 'secondary'}>
          {t('alleys.openTasksLine', { open: region.openTasks, overdue: region.overdueTasks })}
        </Typography.Text>
      }
      data-testid="alley-region-tasks"
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('alleys.taskRule', { days: TASK_DUE_DAYS })}
      </Typography.Paragraph>
      <List
        size="small"
        itemLayout={narrow ? 'vertical' : 'horizontal'}
        dataSource={region.tasks}
        locale={{ emptyText: <EmptyState description={t('alleys.noTasks')} /> }}
        renderItem={(task) => (
          <List.Item key={task.id} actions={[<TaskActions key="actions" task={task} />]}>
            <List.Item.Meta
              title={
                <Space size={[4, 4]} wrap>
                  <span>{t(`sixHave.${task.item}`)}</span>
                  <TaskStateTag task={task} t={t} />
                </Space>
              }
              description={taskLine(task, t)}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function historyColumns(t: T): TableColumnsType<AlleyInspectionView> {
  return [
    {
      title: t('alleys.inspectionTime'),
      dataIndex: 'inspectedAt',
      width: 150,
      render: (d: string) => formatCountyDateTime(d),
    },
    { title: t('alleys.inspector'), dataIndex: 'inspectorName', width: 100, render: (n: string | null) => n ?? '—' },
    { title: t('alleys.score'), dataIndex: 'score', width: 80, render: (s: number) => <ScoreTag score={s} /> },
    {
      title: t('alleys.weakItems'),
      dataIndex: 'items',
      render: (items: AlleyInspectionView['items']) => {
        const weak = items.filter((i) => i.status !== 'present');
        if (!weak.length) return <Typography.Text type="secondary">{t('alleys.noWeak')}</Typography.Text>;
        return (
          <Space size={[4, 4]} wrap>
            {weak.map((i) => (
              <Tag key={i.item} color={STATUS_COLOUR[i.status]} title={i.note ?? undefined}>
                {t(`sixHave.${i.item}`)} · {t(`sixHaveStatus.${i.status}`)}
              </Tag>
            ))}
          </Space>
        );
      },
    },
    { title: t('alleys.note'), dataIndex: 'note', width: 200, render: (n: string | null) => n ?? '' },
  ];
}
