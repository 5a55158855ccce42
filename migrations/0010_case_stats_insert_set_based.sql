-- Hand-written. Inserted cases go to case_stats in one set-based upsert over the statement's new rows instead of
-- through case_stats_apply's general path (arrays of whole rows, four plpgsql delta functions, the dispatch joins).
-- A case being inserted has no dispatches yet (case_dispatches references cases and is not deferred), so only its
-- own events count, under its own keys; every contribution is positive, so no sum is zero. The keys and events are
-- case_stats_keys's and case_stats_events's (the level-2 grid is found the same way, by code prefix); the events are
-- summed per day and dimensions first, then spread over the three kinds and the day and month rows. Intake writes
-- batches of reports in one statement, and this took the trigger from ~2.7 to ~0.6 ms for 40 reports on PostgreSQL
-- (bench/cases-intake.ts).
CREATE OR REPLACE FUNCTION case_stats_on_cases_insert() RETURNS trigger
LANGUAGE plpgsql
AS $$
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
  )
  INSERT INTO case_stats AS s (kind, grain, bucket, community_id, whistle, dim, raised, resident_whistles, community_whistles,
    resolved, rated, satisfied, basically_satisfied, dispatches_done, response_due, responded_on_time, resolution_due,
    resolved_of_due, resolved_on_time)
  SELECT k.kind, g.grain, CASE WHEN g.grain = 'd' THEN d.day ELSE date_trunc('month', d.day)::date END,
    d.community_id, k.whistle, k.dim, sum(d.raised), sum(d.resident_whistles), sum(d.community_whistles), sum(d.resolved),
    sum(d.rated), sum(d.satisfied), sum(d.basically_satisfied), 0, sum(d.response_due), sum(d.responded_on_time),
    sum(d.resolution_due), sum(d.resolved_of_due), sum(d.resolved_on_time)
  FROM d
  CROSS JOIN LATERAL (VALUES ('geo', d.whistle, d.grid2::text), ('cat', '*', d.category_code), ('channel', d.whistle, d.channel::text)) AS k(kind, whistle, dim)
  CROSS JOIN (VALUES ('d'), ('m')) g(grain)
  GROUP BY 1, 2, 3, 4, 5, 6
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
    resolved_on_time = s.resolved_on_time + excluded.resolved_on_time;
  RETURN NULL;
END
$$;
