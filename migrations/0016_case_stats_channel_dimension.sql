-- Hand-written (drizzle-kit --custom). The geo and unit rows of the case_stats rollup get the channel as a second
-- dimension: dim = '<level-2 grid id>:<channel>' (geo) and '<unit id>:<channel>' (unit); cat and channel rows keep
-- their one-value dim. Why: the article's figures (src/modules/cases/stats/figures.ts) are sums of per-channel
-- counters, and a grid worker's or a unit admin's view is answered by geo or unit rows only. Without a channel there,
-- those views fell back to an aggregate over `cases` (1.3-1.5 s at a million cases on PostgreSQL, docs/BENCHMARKS.md).
-- The number of upserts per write is unchanged (same kinds); only distinct rows grow (grids x channels per day).
-- Readers (rollup.ts) split dim with split_part(dim, ':', 1|2). The rollup is rebuilt at the end.
CREATE OR REPLACE FUNCTION case_stats_keys(c cases) RETURNS TABLE (kind text, community_id uuid, whistle text, dim text)
LANGUAGE sql STABLE
AS $$
  SELECT k.kind, k.community_id, k.whistle, k.dim
  FROM (SELECT coalesce((SELECT a.id FROM grids g JOIN grids a ON a.code = left(g.code, 12) WHERE g.id = c.grid_id), c.grid_id) AS grid2) x
  CROSS JOIN LATERAL (VALUES
    ('geo', c.community_id, coalesce(c.whistle::text, ''), x.grid2::text || ':' || c.channel::text),
    ('cat', c.community_id, '*', c.category_code),
    ('channel', c.community_id, coalesce(c.whistle::text, ''), c.channel::text)
  ) AS k(kind, community_id, whistle, dim)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_stats_case_deltas(p_sign int, p_rows cases[]) RETURNS SETOF case_stats
LANGUAGE plpgsql STABLE
-- The arrays are a statement's rows, usually few: look the other side up by index, never scan it.
SET enable_hashjoin = off
SET enable_mergejoin = off
AS $$
BEGIN
  IF p_rows IS NULL OR cardinality(p_rows) = 0 THEN RETURN; END IF;
  RETURN QUERY
  SELECT k.kind, 'd'::text, e.day, k.community_id, k.whistle, k.dim,
    p_sign * e.raised, p_sign * e.resident_whistles, p_sign * e.community_whistles, p_sign * e.resolved, p_sign * e.rated,
    p_sign * e.satisfied, p_sign * e.basically_satisfied, 0,
    p_sign * e.response_due, p_sign * e.responded_on_time, p_sign * e.resolution_due, p_sign * e.resolved_of_due,
    p_sign * e.resolved_on_time
  FROM unnest(p_rows) c
  CROSS JOIN LATERAL case_stats_keys(c) k
  CROSS JOIN LATERAL case_stats_events(c) e
  UNION ALL
  SELECT 'unit'::text, 'd'::text, e.day, '00000000-0000-0000-0000-000000000000'::uuid, coalesce(c.whistle::text, ''), d.unit_id::text || ':' || c.channel::text,
    p_sign * e.raised, p_sign * e.resident_whistles, p_sign * e.community_whistles, p_sign * e.resolved, p_sign * e.rated,
    p_sign * e.satisfied, p_sign * e.basically_satisfied, 0,
    p_sign * e.response_due, p_sign * e.responded_on_time, p_sign * e.resolution_due, p_sign * e.resolved_of_due,
    p_sign * e.resolved_on_time
  FROM unnest(p_rows) c
  JOIN case_dispatches d ON d.case_id = c.id
  CROSS JOIN LATERAL case_stats_events(c) e
  UNION ALL
  SELECT k.kind, 'd'::text, case_stats_day(d.done_at), k.community_id, k.whistle, k.dim, 0, 0, 0, 0, 0, 0, 0, p_sign, 0, 0, 0, 0, 0
  FROM unnest(p_rows) c
  JOIN case_dispatches d ON d.case_id = c.id AND d.done_at IS NOT NULL
  CROSS JOIN LATERAL (
    SELECT * FROM case_stats_keys(c)
    UNION ALL SELECT 'unit', '00000000-0000-0000-0000-000000000000'::uuid, coalesce(c.whistle::text, ''), d.unit_id::text || ':' || c.channel::text
  ) k
  WHERE c.merged_into_id IS NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_stats_dispatch_deltas(p_sign int, p_rows case_dispatches[]) RETURNS SETOF case_stats
LANGUAGE plpgsql STABLE
-- The arrays are a statement's rows, usually few: look the other side up by index, never scan it.
SET enable_hashjoin = off
SET enable_mergejoin = off
AS $$
BEGIN
  IF p_rows IS NULL OR cardinality(p_rows) = 0 THEN RETURN; END IF;
  RETURN QUERY
  SELECT 'unit'::text, 'd'::text, e.day, '00000000-0000-0000-0000-000000000000'::uuid, coalesce(c.whistle::text, ''), d.unit_id::text || ':' || c.channel::text,
    p_sign * e.raised, p_sign * e.resident_whistles, p_sign * e.community_whistles, p_sign * e.resolved, p_sign * e.rated,
    p_sign * e.satisfied, p_sign * e.basically_satisfied, 0,
    p_sign * e.response_due, p_sign * e.responded_on_time, p_sign * e.resolution_due, p_sign * e.resolved_of_due,
    p_sign * e.resolved_on_time
  FROM unnest(p_rows) d
  JOIN cases c ON c.id = d.case_id
  CROSS JOIN LATERAL case_stats_events(c) e
  UNION ALL
  SELECT k.kind, 'd'::text, case_stats_day(d.done_at), k.community_id, k.whistle, k.dim, 0, 0, 0, 0, 0, 0, 0, p_sign, 0, 0, 0, 0, 0
  FROM unnest(p_rows) d
  JOIN cases c ON c.id = d.case_id
  CROSS JOIN LATERAL (
    SELECT * FROM case_stats_keys(c)
    UNION ALL SELECT 'unit', '00000000-0000-0000-0000-000000000000'::uuid, coalesce(c.whistle::text, ''), d.unit_id::text || ':' || c.channel::text
  ) k
  WHERE d.done_at IS NOT NULL AND c.merged_into_id IS NULL;
END
$$;
--> statement-breakpoint
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
  CROSS JOIN LATERAL (VALUES ('geo', d.whistle, d.grid2::text || ':' || d.channel::text), ('cat', '*', d.category_code), ('channel', d.whistle, d.channel::text)) AS k(kind, whistle, dim)
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
--> statement-breakpoint
SELECT case_stats_rebuild();
