-- Hand-written. On the embedded database (PGlite: one connection, so no one to wait for) inserted cases upsert
-- case_stats directly again, in their own statement, instead of going through case_stats_pending: folding there ran
-- on the request thread every 200 ms and stalled intake for ~8 ms each time (its p99). The database handle sets
-- lianjian.case_stats_direct = on for the session (src/core/db.ts); PostgreSQL keeps the pending table. One statement
-- computes the contributions once and writes them to whichever table applies.
CREATE OR REPLACE FUNCTION case_stats_on_cases_insert() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  direct boolean := coalesce(current_setting('lianjian.case_stats_direct', true), '') = 'on';
BEGIN
  IF case_stats_deferred() THEN RETURN NULL; END IF;
  WITH d AS (
    SELECT e.day, n.community_id, coalesce(n.whistle::text, '') AS whistle, coalesce(a.id, n.grid_id) AS grid2, n.category_code, n.channel,
      sum(e.raised) AS raised, sum(e.resident_whistles) AS resident_whistles, sum(e.community_whistles) AS community_whistles,
      sum(e.resolved) AS resolved, sum(e.rated) AS rated, sum(e.satisfied) AS satisfied, sum(e.basically_satisfied) AS basically_satisfied,
      sum(e.response_due) AS response_due, sum(e.responded_on_time) AS responded_on_time, sum(e.resolution_due) AS resolution_due,
      sum(e.resolved_of_due) AS resolved_of_due, sum(e.resolved_on_time) AS resolved_on_time
    FROM new_rows n LEFT JOIN grids g ON g.id = n.grid_id LEFT JOIN grids a ON a.code = left(g.code, 12)
    CROSS JOIN LATERAL case_stats_events(n) e
    GROUP BY 1, 2, 3, 4, 5, 6
  ),
  contributions (kind, grain, bucket, community_id, whistle, dim, raised, resident_whistles, community_whistles, resolved, rated, satisfied, basically_satisfied, dispatches_done, response_due, responded_on_time, resolution_due, resolved_of_due, resolved_on_time) AS (
  SELECT k.kind, g.grain, CASE WHEN g.grain = 'd' THEN d.day ELSE date_trunc('month', d.day)::date END,
    d.community_id, k.whistle, k.dim, sum(d.raised), sum(d.resident_whistles), sum(d.community_whistles), sum(d.resolved),
    sum(d.rated), sum(d.satisfied), sum(d.basically_satisfied), 0, sum(d.response_due), sum(d.responded_on_time),
    sum(d.resolution_due), sum(d.resolved_of_due), sum(d.resolved_on_time)
  FROM d
  CROSS JOIN LATERAL (VALUES ('geo', d.whistle, d.grid2::text), ('cat', '*', d.category_code), ('channel', d.whistle, d.channel::text)) AS k(kind, whistle, dim)
  CROSS JOIN (VALUES ('d'), ('m')) g(grain)
  GROUP BY 1, 2, 3, 4, 5, 6
  ),
  upserted AS (
    INSERT INTO case_stats AS s (kind, grain, bucket, community_id, whistle, dim, raised, resident_whistles, community_whistles, resolved, rated, satisfied, basically_satisfied, dispatches_done, response_due, responded_on_time, resolution_due, resolved_of_due, resolved_on_time)
    SELECT * FROM contributions WHERE direct
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT case_stats_pk DO UPDATE SET
    raised = s.raised + excluded.raised,
    resident_whistles = s.resident_whistles + excluded.resident_whistles,
    community_whistles = s.community_whistles + excluded.community_whistles,
    resolved = s.resolved + excluded.resolved,
    rated = s.rated + excluded.rated,
    satisfied = s.satisfied + excluded.satisfied,
    basically_satisfied = s.basically_satisfied + excluded.basically_satisfied,
    response_due = s.response_due + excluded.response_due,
    responded_on_time = s.responded_on_time + excluded.responded_on_time,
    resolution_due = s.resolution_due + excluded.resolution_due,
    resolved_of_due = s.resolved_of_due + excluded.resolved_of_due,
    resolved_on_time = s.resolved_on_time + excluded.resolved_on_time
  )
  INSERT INTO case_stats_pending (kind, grain, bucket, community_id, whistle, dim, raised, resident_whistles, community_whistles, resolved, rated, satisfied, basically_satisfied, dispatches_done, response_due, responded_on_time, resolution_due, resolved_of_due, resolved_on_time)
  SELECT * FROM contributions WHERE NOT direct;
  RETURN NULL;
END
$$;
