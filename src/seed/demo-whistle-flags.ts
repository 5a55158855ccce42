import { sql } from 'drizzle-orm';
import type { Db } from '../core/db.js';

/** The reason the demo gives for calling in a unit from outside the community's pairing. */
export const DEMO_CROSS_REASON = '该单位有本事项所需的专业力量，结对单位中没有，经社区研究跨社区吹哨';

/**
 * 跨社区吹哨 in the demo: the demo's whistles call in units near the community (demo-cases-whistle.ts), before the
 * pairing exists; once the adopted plans are in, each dispatch to a unit not paired with its case's community in the
 * adopted plan of the year it was blown in is flagged with a reason, as the whistle rules would have required
 * (dispatch/pairing.ts). No random draws: the demo's other figures do not move.
 */
export async function flagDemoCrossCommunityWhistles(db: Db): Promise<void> {
  await db.execute(sql`
    UPDATE case_dispatches d
       SET cross_community = true, cross_community_reason = ${DEMO_CROSS_REASON}
      FROM cases c
     WHERE c.id = d.case_id
       AND NOT EXISTS (
         SELECT 1 FROM pairings p JOIN pairing_plans pp ON pp.id = p.plan_id
          WHERE pp.status = 'adopted' AND p.community_id = c.community_id AND p.unit_id = d.unit_id
            AND p.year = extract(year FROM d.dispatched_at AT TIME ZONE 'Asia/Shanghai')::int)`);
}
