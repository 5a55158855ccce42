import { Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { type NeedView, useNeedPoints, useNeeds, useNeedWrites } from './api';
import { useNeedColumns } from './needColumns';
import { NeedForm } from './NeedForm';
import { NeedsMap } from './NeedsMap';
import { type NeedFilters, NeedsToolbar } from './NeedsToolbar';
import { editDeleteColumn, RecordTable, useRemove } from './RecordTable';

/** 需求清单: filters, the map of needs by priority, the list; community staff enter and edit needs. */
export function NeedsTab({ list, ownCommunity }: { list: NeedFilters; ownCommunity?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const query = list.query;
  const needs = useNeeds(query);
  const points = useNeedPoints(query);
  const { deleteNeed } = useNeedWrites();
  const remove = useRemove<NeedView>(deleteNeed.mutateAsync);
  const [editing, setEditing] = useState<NeedView | null | 'new'>(null);
  const canWrite = can('needs.write');
  const actions = editDeleteColumn<NeedView>(t, {
    confirm: (n) => t('needs.deleteNeedConfirm', { title: n.title }),
    onEdit: setEditing,
    onDelete: (n) => void remove(n),
  });
  const columns = [...useNeedColumns(), ...(canWrite ? [actions] : [])];

  return (
    <>
      <NeedsToolbar list={list} ownCommunity={ownCommunity} canWrite={canWrite} onCreate={() => setEditing('new')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={9}>
          <Typography.Text strong>{t('needs.map')}</Typography.Text>
          <NeedsMap points={points.data?.items ?? []} loading={points.isPending} error={points.error} />
          {points.data?.truncated && (
            <Typography.Text type="secondary">
              {t('needs.mapTruncated', { count: points.data.items.length })}
            </Typography.Text>
          )}
        </Col>
        <Col xs={24} xxl={15}>
          <RecordTable<NeedView> testId="needs-table" result={needs} list={list} columns={columns} />
        </Col>
      </Row>
      <NeedForm
        open={editing !== null}
        need={editing === 'new' ? null : editing}
        ownCommunity={ownCommunity}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
