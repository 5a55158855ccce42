import { ownOrgOf } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useTeamOptions, type VolunteerTeamView } from '../api';

/**
 * What the caller may organise: a community admin (and the county) any activity of their communities; a team leader
 * only their team's (the teams the server marks `mayRun`). The server decides again on every write.
 */
export function useOrganiser(): {
  mayPublish: boolean;
  staff: boolean;
  ownCommunity: string | undefined;
  runnableTeams: VolunteerTeamView[];
} {
  const { me, can } = useSession();
  const staff = can('volunteers.manage');
  const teams = useTeamOptions();
  const runnableTeams = (teams.data?.items ?? []).filter((tm) => tm.mayRun && tm.communityId !== null);
  return {
    mayPublish: staff || runnableTeams.length > 0,
    staff,
    ownCommunity: ownOrgOf(me, 'community_admin'),
    runnableTeams,
  };
}
