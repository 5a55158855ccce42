import { Card, Descriptions } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import type { ProjectDetail } from './api';
import { DomainTag, PlanStatusTag, UnitsCell, yuan } from './parts';

/** A project's facts: community and plan, domain, dates, budget, parent, units, resources and description. */
export function ProjectFacts({ project: p }: { project: ProjectDetail }) {
  const { t, language } = useI18n();
  return (
    <Card size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'community',
            label: t('projects.community'),
            children: (
              <Link to={`/cobuild/projects/plan/${p.communityId}/${p.year}`}>
                {p.communityName} · {p.year}
              </Link>
            ),
          },
          { key: 'plan', label: t('projects.planStatus'), children: <PlanStatusTag value={p.planStatus} /> },
          { key: 'domain', label: t('projects.domain'), children: <DomainTag value={p.domain} /> },
          { key: 'dates', label: t('projects.dates'), children: `${p.startOn} ~ ${p.endOn}` },
          { key: 'budget', label: t('projects.budget'), children: yuan(p.budget, language) },
          ...(p.parentId
            ? [
                {
                  key: 'parent',
                  label: t('projects.parent'),
                  children: <Link to={`/cobuild/projects/${p.parentId}`}>{p.parentName}</Link>,
                },
              ]
            : []),
          { key: 'units', label: t('projects.units'), span: 'filled' as const, children: <UnitsCell project={p} /> },
          { key: 'resources', label: t('projects.resources'), span: 'filled' as const, children: p.resources ?? '—' },
          {
            key: 'description',
            label: t('projects.description'),
            span: 'filled' as const,
            children: p.description ?? '—',
          },
        ]}
      />
    </Card>
  );
}
