import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Flex, Form, Input, InputNumber, Switch, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { RecordFormModal } from '../../../ui/RecordFormModal';
import { LoadError, Loading } from '../../../ui/states';
import { useRefreshVolunteers, useSeries, type VolunteerSeriesView, type VolunteerTypeView } from '../api';
import { useCatalogueName } from '../parts';

interface Values {
  key: string;
  name: string;
  nameEn: string;
  sort?: number;
  active?: boolean;
}

/** What is being edited: a new series, a series, a new type of a series, or a type. */
type Editing =
  | { kind: 'series'; record?: VolunteerSeriesView }
  | { kind: 'type'; seriesId: string; record?: VolunteerTypeView };

function useCatalogueSave() {
  const onSuccess = useRefreshVolunteers();
  return useMutation({
    mutationFn: ({ editing, v }: { editing: Editing; v: Values }) => {
      const base = editing.kind === 'series' ? '/volunteer-series' : '/volunteer-types';
      const fields = {
        name: v.name,
        nameEn: v.nameEn,
        ...(v.sort !== undefined && v.sort !== null ? { sort: v.sort } : {}),
      };
      if (editing.record)
        return api.patch<unknown>(`${base}/${editing.record.id}`, {
          ...fields,
          active: v.active,
          version: editing.record.version,
        });
      return api.post<unknown>(base, {
        ...fields,
        key: v.key,
        ...(editing.kind === 'type' ? { seriesId: editing.seriesId } : {}),
      });
    },
    onSuccess,
  });
}

function CatalogueForm({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useCatalogueSave();
  const r = editing.record;
  const required = (field: string) => [{ required: true, whitespace: true, message: t('errors.required', { field }) }];
  const title =
    editing.kind === 'series'
      ? t(r ? 'volunteers.settings.editSeries' : 'volunteers.settings.addSeries')
      : t(r ? 'volunteers.settings.editType' : 'volunteers.settings.addType');
  return (
    <RecordFormModal<Values, unknown>
      form={form}
      open
      editing={!!r}
      title={title}
      width={480}
      testId="vs-catalogue-form"
      saving={save.isPending}
      onClose={onClose}
      save={(v) => save.mutateAsync({ editing, v })}
      onSaved={onClose}
    >
      {!r && (
        <Form.Item
          name="key"
          label={t('volunteers.settings.key')}
          extra={t('volunteers.settings.keyHelp')}
          rules={[
            ...required(t('volunteers.settings.key')),
            { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('volunteers.settings.keyHelp') },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={t('volunteers.settings.name')}
        rules={required(t('volunteers.settings.name'))}
        initialValue={r?.name}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item
        name="nameEn"
        label={t('volunteers.settings.nameEn')}
        rules={required(t('volunteers.settings.nameEn'))}
        initialValue={r?.nameEn}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="sort" label={t('volunteers.settings.sort')} initialValue={r?.sort}>
        <InputNumber min={0} max={100000} style={{ width: '100%' }} />
      </Form.Item>
      {r && (
        <Form.Item
          name="active"
          label={t('volunteers.settings.active')}
          valuePropName="checked"
          initialValue={r.active}
        >
          <Switch />
        </Form.Item>
      )}
    </RecordFormModal>
  );
}

/** The catalogue: series and their types, each renamed, reordered or retired (never deleted: records refer to them). */
export function CatalogueCard() {
  const { t } = useI18n();
  const name = useCatalogueName();
  const series = useSeries(true);
  const [editing, setEditing] = useState<Editing | null>(null);
  const retired = <Tag>{t('volunteers.settings.retired')}</Tag>;
  return (
    <Card
      size="small"
      title={t('volunteers.settings.catalogue')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'series' })} data-testid="vs-add-series">
          {t('volunteers.settings.addSeries')}
        </Button>
      }
    >
      {series.isLoading && <Loading />}
      {series.isError && <LoadError error={series.error} onRetry={() => void series.refetch()} compact />}
      <Collapse
        size="small"
        data-testid="vs-series"
        items={(series.data?.items ?? []).map((s) => ({
          key: s.id,
          label: (
            <span>
              {name(s.name, s.nameEn)} <Typography.Text type="secondary">({s.types.length})</Typography.Text>{' '}
              {!s.active && retired}
            </span>
          ),
          extra: (
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t('volunteers.settings.editSeries')}
              onClick={(e) => {
                e.stopPropagation();
                setEditing({ kind: 'series', record: s });
              }}
            />
          ),
          children: (
            <Flex wrap gap={8}>
              {s.types.map((ty) => (
                <Tag
                  key={ty.id}
                  color={ty.active ? 'blue' : undefined}
                  style={{ cursor: 'pointer', padding: '2px 8px' }}
                  onClick={() => setEditing({ kind: 'type', seriesId: s.id, record: ty })}
                >
                  {name(ty.name, ty.nameEn)} {!ty.active && `· ${t('volunteers.settings.retired')}`} <EditOutlined />
                </Tag>
              ))}
              <Button
                size="small"
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ kind: 'type', seriesId: s.id })}
              >
                {t('volunteers.settings.addType')}
              </Button>
            </Flex>
          ),
        }))}
      />
      {editing && <CatalogueForm editing={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
