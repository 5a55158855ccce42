import { ALLOWED_PARENTS, type CreateOrganisation, type OrgKind, type OrgTreeNode } from '../../api/contracts';
import { labelOf } from '../../i18n';

/** What the organisation form holds, before it is turned into a request. */
export interface OrgFormValues {
  kind: OrgKind;
  name: string;
  code?: string;
  parentId?: string;
  address?: string;
  phone?: string;
  lng?: number | null;
  lat?: number | null;
  strengths?: string[];
  population?: number | null;
  leaderName?: string;
  leaderTitle?: string;
}

export interface ParentNode {
  value: string;
  title: string;
  disabled: boolean;
  children: ParentNode[];
}

/** The tree offered as parents: an organisation may not be its own parent, and only allowed kinds are enabled. */
export function parentOptions(nodes: OrgTreeNode[], kind: OrgKind, selfId: string | null): ParentNode[] {
  return nodes
    .filter((n) => n.id !== selfId)
    .map((n) => ({
      value: n.id,
      title: `${n.name} · ${labelOf('orgKind', n.kind)}`,
      disabled: !ALLOWED_PARENTS[kind].includes(n.kind),
      children: parentOptions(n.children, kind, selfId),
    }));
}

export const HAS_POPULATION: readonly OrgKind[] = ['county', 'town', 'community'];
const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** The request fields of a create or an edit. */
export function orgFields(v: OrgFormValues) {
  return {
    name: v.name.trim(),
    code: blank(v.code),
    parentId: v.kind === 'county' ? null : (v.parentId ?? null),
    address: blank(v.address),
    phone: blank(v.phone),
    lng: v.lng ?? null,
    lat: v.lat ?? null,
    // Only the fields the form shows for this kind, so an edit never clears what it did not show.
    ...(v.kind === 'unit'
      ? {
          strengths: (v.strengths ?? []) as CreateOrganisation['strengths'],
          leaderName: blank(v.leaderName),
          leaderTitle: blank(v.leaderTitle),
        }
      : {}),
    ...(HAS_POPULATION.includes(v.kind) ? { population: v.population ?? null } : {}),
  };
}
