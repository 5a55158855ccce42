import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { DetailDrawer } from '../../ui/DetailDrawer';
import { ListPage } from '../../ui/ListPage';
import { EmptyState } from '../../ui/states';
import { useListParams } from '../../ui/useListParams';
import { OrgDetail } from './OrgDetail';
import { OrgFormModal, type OrgFormTarget } from './OrgFormModal';
import { ORG_FILTERS, OrgList, OrgListFilters } from './OrgList';
import { OrgTree } from './OrgTree';

type View = 'tree' | 'list';

/** Tree or list, and 新建 for those who may write organisations. */
function OrgPageActions({ view, onView, onCreate }: { view: View; onView: (v: View) => void; onCreate?: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <Segmented<View>
        value={view}
        onChange={onView}
        options={[
          { value: 'tree', label: t('common.tree') },
          { value: 'list', label: t('common.list') },
        ]}
      />
      {onCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="org-create">
          {t('common.create')}
        </Button>
      )}
    </>
  );
}

/** 组织架构: the organisation tree beside the selected organisation, or a filterable list. */
export default function OrganisationsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useListParams(ORG_FILTERS);
  const view: View = list.filters.view === 'list' ? 'list' : 'tree';
  const selectedId = list.filters.id ?? null;
  const [form, setForm] = useState<OrgFormTarget | null>(null);
  const select = (id: string | undefined) => list.setFilter('id', id);

  const detail = selectedId ? (
    <OrgDetail
      id={selectedId}
      onSelect={(id) => select(id)}
      onEdit={(org) => setForm({ mode: 'edit', org })}
      onCreateChild={(parent) => setForm({ mode: 'create', parent })}
      onDeleted={(org) => select(org.parentId ?? undefined)}
    />
  ) : null;

  const actions = (
    <OrgPageActions
      view={view}
      onView={(v) =>
        list.setFilters({
          view: v === 'list' ? 'list' : undefined,
          id: v === 'list' ? undefined : (selectedId ?? undefined),
        })
      }
      onCreate={can('org.write') ? () => setForm({ mode: 'create', parent: null }) : undefined}
    />
  );

  const activeFilters = [list.q, list.filters.kind, list.filters.strength].filter(Boolean).length;

  return (
    <>
      {view === 'tree' ? (
        <ListPage title={t('org.title')} actions={actions} plain>
          <div className="split">
            <Card size="small" className="split-side">
              <OrgTree selectedId={selectedId} onSelect={select} />
            </Card>
            <Card size="small" className="split-main">
              {detail ?? <EmptyState description={t('org.selectHint')} />}
            </Card>
          </div>
        </ListPage>
      ) : (
        <ListPage
          title={t('org.title')}
          actions={actions}
          filters={<OrgListFilters list={list} />}
          activeFilters={activeFilters}
        >
          <OrgList list={list} onOpen={select} />
          <DetailDrawer
            open={!!selectedId}
            onClose={() => select(undefined)}
            title={t('common.detail')}
            testId="org-drawer"
            width={640}
          >
            {detail}
          </DetailDrawer>
        </ListPage>
      )}
      <OrgFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(org) => {
          setForm(null);
          select(org.id);
        }}
      />
    </>
  );
}
