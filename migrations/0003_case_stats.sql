CREATE TABLE "case_stats" (
	"kind" text NOT NULL,
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"community_id" uuid NOT NULL,
	"whistle" text NOT NULL,
	"dim" text NOT NULL,
	"raised" integer DEFAULT 0 NOT NULL,
	"resident_whistles" integer DEFAULT 0 NOT NULL,
	"community_whistles" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"basically_satisfied" integer DEFAULT 0 NOT NULL,
	"dispatches_done" integer DEFAULT 0 NOT NULL,
	"response_due" integer DEFAULT 0 NOT NULL,
	"responded_on_time" integer DEFAULT 0 NOT NULL,
	"resolution_due" integer DEFAULT 0 NOT NULL,
	"resolved_of_due" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_stats_pk" PRIMARY KEY("kind","grain","bucket","community_id","whistle","dim")
);
--> statement-breakpoint
-- Everything below is hand-written (drizzle-kit generates tables only): the functions and triggers that keep
-- case_stats equal to the rollup of cases + case_dispatches in the same transaction as every write, and the backfill.
-- Definitions (docs/CASES.md "Statistics"): a merged duplicate (merged_into_id set) counts nowhere; a rejected case
-- has no limits that fall due; days are local days in Asia/Shanghai (UTC+08:00 all year, as in src/core/calendar.ts).
CREATE FUNCTION case_stats_day(ts timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT ((ts AT TIME ZONE 'UTC') + interval '8 hours')::date $$;
--> statement-breakpoint
-- The events of one case that the statistics count, each with the local day it happened on.
CREATE FUNCTION case_stats_events(c cases)
RETURNS TABLE (
  day date, raised int, resident_whistles int, community_whistles int, resolved int, rated int, satisfied int,
  basically_satisfied int, response_due int, responded_on_time int, resolution_due int, resolved_of_due int,
  resolved_on_time int
)
LANGUAGE sql STABLE
AS $$
  SELECT case_stats_day(e.at), e.raised, e.resident_whistles, e.community_whistles, e.resolved, e.rated, e.satisfied,
         e.basically_satisfied, e.response_due, e.responded_on_time, e.resolution_due, e.resolved_of_due, e.resolved_on_time
  FROM (VALUES
    (c.reported_at, 1, CASE c.whistle WHEN 'resident' THEN 1 ELSE 0 END, CASE c.whistle WHEN 'community' THEN 1 ELSE 0 END,
      0, 0, 0, 0, 0, 0, 0, 0, 0),
    (c.resolved_at, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0),
    (CASE WHEN c.satisfaction IS NOT NULL THEN c.rated_at END, 0, 0, 0, 0, 1,
      (c.satisfaction = 'satisfied')::int, (c.satisfaction = 'basically_satisfied')::int, 0, 0, 0, 0, 0),
    (CASE WHEN c.status <> 'rejected' THEN c.response_due_at END, 0, 0, 0, 0, 0, 0, 0, 1,
      (c.acknowledged_at IS NOT NULL AND c.acknowledged_at <= c.response_due_at)::int, 0, 0, 0),
    (CASE WHEN c.status <> 'rejected' THEN c.resolution_due_at END, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
      (c.resolved_at IS NOT NULL)::int, (c.resolved_at IS NOT NULL AND c.resolved_at <= c.resolution_due_at)::int)
  ) AS e(at, raised, resident_whistles, community_whistles, resolved, rated, satisfied, basically_satisfied, response_due,
         responded_on_time, resolution_due, resolved_of_due, resolved_on_time)
  WHERE e.at IS NOT NULL AND c.merged_into_id IS NULL
$$;
--> statement-breakpoint
-- The rollup keys a case counts under (besides its units'). Each kind keeps only the dimensions its questions need,
-- so that a busy county's day rows stay few: geo = community, whistle and the level-2 grid (the full-time grid
-- worker's; a case in a community's level-1 grid counts under that grid); cat = community and category, for every
-- whistle ('*'); channel = community, whistle and channel. Units are keyed (nil community, whistle, unit).
CREATE FUNCTION case_stats_keys(c cases) RETURNS TABLE (kind text, community_id uuid, whistle text, dim text)
LANGUAGE sql STABLE
AS $$
  SELECT k.kind, k.community_id, k.whistle, k.dim
  FROM (SELECT coalesce((SELECT a.id FROM grids g JOIN grids a ON a.code = left(g.code, 12) WHERE g.id = c.grid_id), c.grid_id) AS grid2) x
  CROSS JOIN LATERAL (VALUES
    ('geo', c.community_id, coalesce(c.whistle::text, ''), x.grid2::text),
    ('cat', c.community_id, '*', c.category_code),
    ('channel', c.community_id, coalesce(c.whistle::text, ''), c.channel::text)
  ) AS k(kind, community_id, whistle, dim)
$$;
--> statement-breakpoint
-- Day-grain contributions of some case rows (p_sign = 1 to add them, -1 to take them away): the case's events under
-- its keys and under every unit it was dispatched to; units' completed dispatches under the case's keys and the unit.
CREATE FUNCTION case_stats_case_deltas(p_sign int, p_rows cases[]) RETURNS SETOF case_stats
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
  SELECT 'unit'::text, 'd'::text, e.day, '00000000-0000-0000-0000-000000000000'::uuid, coalesce(c.whistle::text, ''), d.unit_id::text,
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
    UNION ALL SELECT 'unit', '00000000-0000-0000-0000-000000000000'::uuid, coalesce(c.whistle::text, ''), d.unit_id::text
  ) k
  WHERE c.merged_into_id IS NULL;
END
$$;
--> statement-breakpoint
-- Day-grain contributions of some dispatch rows: the case's events under the unit, and the dispatch's completion
-- (if done) under the case's keys and under the unit.
CREATE FUNCTION case_stats_dispatch_deltas(p_sign int, p_rows case_dispatches[]) RETURNS SETOF case_stats
LANGUAGE plpgsql STABLE
-- The arrays are a statement's rows, usually few: look the other side up by index, never scan it.
SET enable_hashjoin = off
SET enable_mergejoin = off
AS $$
BEGIN
  IF p_rows IS NULL OR cardinality(p_rows) = 0 THEN RETURN; END IF;
  RETURN QUERY
  SELECT 'unit'::text, 'd'::text, e.day, '00000000-0000-0000-0000-000000000000'::uuid, coalesce(c.whistle::text, ''), d.unit_id::text,
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
    UNION ALL SELECT 'unit', '00000000-0000-0000-0000-000000000000'::uuid, coalesce(c.whistle::text, ''), d.unit_id::text
  ) k
  WHERE d.done_at IS NOT NULL AND c.merged_into_id IS NULL;
END
$$;
--> statement-breakpoint
-- The one upsert every write goes through: the day-grain deltas of some case rows and dispatch rows taken away
-- (before) and added (after) go to their day rows and to their month rows, summed per key, in key order
-- (concurrent writers lock rows in the same order within a statement); zero sums are skipped. Static SQL, so each
-- session plans it once.
CREATE FUNCTION case_stats_apply(
  p_cases_before cases[], p_cases_after cases[], p_dispatches_before case_dispatches[], p_dispatches_after case_dispatches[],
  p_months boolean DEFAULT true
) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO case_stats AS s (kind, grain, bucket, community_id, whistle, dim, raised, resident_whistles, community_whistles,
    resolved, rated, satisfied, basically_satisfied, dispatches_done, response_due, responded_on_time, resolution_due,
    resolved_of_due, resolved_on_time)
  SELECT d.kind, g.grain, CASE WHEN g.grain = 'd' THEN d.bucket ELSE date_trunc('month', d.bucket)::date END,
    d.community_id, d.whistle, d.dim, sum(d.raised), sum(d.resident_whistles), sum(d.community_whistles), sum(d.resolved),
    sum(d.rated), sum(d.satisfied),
    sum(d.basically_satisfied), sum(d.dispatches_done), sum(d.response_due), sum(d.responded_on_time),
    sum(d.resolution_due), sum(d.resolved_of_due), sum(d.resolved_on_time)
  FROM (
    SELECT * FROM case_stats_case_deltas(-1, p_cases_before)
    UNION ALL SELECT * FROM case_stats_case_deltas(1, p_cases_after)
    UNION ALL SELECT * FROM case_stats_dispatch_deltas(-1, p_dispatches_before)
    UNION ALL SELECT * FROM case_stats_dispatch_deltas(1, p_dispatches_after)
  ) d CROSS JOIN (VALUES ('d'), ('m')) g(grain)
  WHERE p_months OR g.grain = 'd'
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(d.raised) <> 0 OR sum(d.resident_whistles) <> 0 OR sum(d.community_whistles) <> 0 OR sum(d.resolved) <> 0 OR sum(d.rated) <> 0 OR sum(d.satisfied) <> 0
    OR sum(d.basically_satisfied) <> 0 OR sum(d.dispatches_done) <> 0 OR sum(d.response_due) <> 0
    OR sum(d.responded_on_time) <> 0 OR sum(d.resolution_due) <> 0 OR sum(d.resolved_of_due) <> 0
    OR sum(d.resolved_on_time) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT case_stats_pk DO UPDATE SET
    raised = s.raised + excluded.raised,
    resident_whistles = s.resident_whistles + excluded.resident_whistles,
    community_whistles = s.community_whistles + excluded.community_whistles,
    resolved = s.resolved + excluded.resolved,
    rated = s.rated + excluded.rated,
    satisfied = s.satisfied + excluded.satisfied,
    basically_satisfied = s.basically_satisfied + excluded.basically_satisfied,
    dispatches_done = s.dispatches_done + excluded.dispatches_done,
    response_due = s.response_due + excluded.response_due,
    responded_on_time = s.responded_on_time + excluded.responded_on_time,
    resolution_due = s.resolution_due + excluded.resolution_due,
    resolved_of_due = s.resolved_of_due + excluded.resolved_of_due,
    resolved_on_time = s.resolved_on_time + excluded.resolved_on_time;
END
$$;
--> statement-breakpoint
-- A bulk load may leave the rollup to one case_stats_rebuild() at its end, in the same transaction, after
-- SELECT set_config('lianjian.case_stats_deferred', 'on', true) (the demo seed does; the setting ends with the
-- transaction).
CREATE FUNCTION case_stats_deferred() RETURNS boolean
LANGUAGE sql STABLE
AS $$ SELECT coalesce(current_setting('lianjian.case_stats_deferred', true), '') = 'on' $$;
--> statement-breakpoint
CREATE FUNCTION case_stats_on_cases_insert() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF case_stats_deferred() THEN RETURN NULL; END IF;
  PERFORM case_stats_apply(NULL, ARRAY(SELECT n::cases FROM new_rows n), NULL, NULL);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Only the rows whose counted fields changed (accept, start, verify, close, the sweep's flags… change none).
CREATE FUNCTION case_stats_on_cases_update() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  before_rows cases[];
  after_rows cases[];
BEGIN
  IF case_stats_deferred() THEN RETURN NULL; END IF;
  SELECT array_agg(o::cases), array_agg(n::cases) INTO before_rows, after_rows
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  WHERE (o.community_id, o.grid_id, o.category_code, o.channel, o.whistle, o.merged_into_id, o.status = 'rejected',
         o.reported_at, o.acknowledged_at, o.resolved_at, o.response_due_at, o.resolution_due_at, o.satisfaction, o.rated_at)
    IS DISTINCT FROM
        (n.community_id, n.grid_id, n.category_code, n.channel, n.whistle, n.merged_into_id, n.status = 'rejected',
         n.reported_at, n.acknowledged_at, n.resolved_at, n.response_due_at, n.resolution_due_at, n.satisfaction, n.rated_at);
  IF before_rows IS NULL THEN RETURN NULL; END IF;
  PERFORM case_stats_apply(before_rows, after_rows, NULL, NULL);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION case_stats_on_cases_delete() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF case_stats_deferred() THEN RETURN NULL; END IF;
  PERFORM case_stats_apply(ARRAY(SELECT o::cases FROM old_rows o), NULL, NULL, NULL);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION case_stats_on_dispatches_insert() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF case_stats_deferred() THEN RETURN NULL; END IF;
  PERFORM case_stats_apply(NULL, NULL, NULL, ARRAY(SELECT n::case_dispatches FROM new_rows n));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Only the rows whose case, unit or completion changed (acknowledging or arriving changes none of them).
CREATE FUNCTION case_stats_on_dispatches_update() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  before_rows case_dispatches[];
  after_rows case_dispatches[];
BEGIN
  IF case_stats_deferred() THEN RETURN NULL; END IF;
  SELECT array_agg(o::case_dispatches), array_agg(n::case_dispatches) INTO before_rows, after_rows
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  WHERE (o.case_id, o.unit_id, o.done_at) IS DISTINCT FROM (n.case_id, n.unit_id, n.done_at);
  IF before_rows IS NULL THEN RETURN NULL; END IF;
  PERFORM case_stats_apply(NULL, NULL, before_rows, after_rows);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION case_stats_on_dispatches_delete() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF case_stats_deferred() THEN RETURN NULL; END IF;
  PERFORM case_stats_apply(NULL, NULL, ARRAY(SELECT o::case_dispatches FROM old_rows o), NULL);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Recomputes the whole rollup from the base tables (backfill, repair, after a deferred bulk load, a TRUNCATE of
-- case_dispatches, a change of grid codes): the day rows 20,000 cases at a time in report order (a batch's events fall
-- on days close together, so batches seldom meet on a row), then every month row as the sum of its day rows.
CREATE FUNCTION case_stats_rebuild() RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  after_at timestamptz := '-infinity';
  after_id uuid := '00000000-0000-0000-0000-000000000000';
  batch cases[];
BEGIN
  DELETE FROM case_stats;
  LOOP
    SELECT array_agg(b ORDER BY b.reported_at, b.id) INTO batch FROM (
      SELECT c.* FROM cases c WHERE c.reported_at >= after_at AND (c.reported_at, c.id) > (after_at, after_id)
      ORDER BY c.reported_at, c.id LIMIT 20000
    ) b;
    EXIT WHEN batch IS NULL;
    PERFORM case_stats_apply(NULL, batch, NULL, NULL, false);
    after_at := batch[cardinality(batch)].reported_at;
    after_id := batch[cardinality(batch)].id;
  END LOOP;
  INSERT INTO case_stats (kind, grain, bucket, community_id, whistle, dim, raised, resident_whistles, community_whistles,
    resolved, rated, satisfied, basically_satisfied, dispatches_done, response_due, responded_on_time, resolution_due,
    resolved_of_due, resolved_on_time)
  SELECT kind, 'm', date_trunc('month', bucket)::date, community_id, whistle, dim, sum(raised), sum(resident_whistles),
    sum(community_whistles), sum(resolved), sum(rated), sum(satisfied), sum(basically_satisfied), sum(dispatches_done),
    sum(response_due), sum(responded_on_time), sum(resolution_due), sum(resolved_of_due), sum(resolved_on_time)
  FROM case_stats WHERE grain = 'd'
  GROUP BY kind, date_trunc('month', bucket)::date, community_id, whistle, dim;
END
$$;
--> statement-breakpoint
CREATE FUNCTION case_stats_on_truncate() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_TABLE_NAME = 'cases' THEN
    DELETE FROM case_stats;
  ELSE
    PERFORM case_stats_rebuild();
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_stats_cases_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_stats_on_cases_insert();
--> statement-breakpoint
CREATE TRIGGER case_stats_cases_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_stats_on_cases_update();
--> statement-breakpoint
CREATE TRIGGER case_stats_cases_delete AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_stats_on_cases_delete();
--> statement-breakpoint
CREATE TRIGGER case_stats_cases_truncate AFTER TRUNCATE ON cases
  FOR EACH STATEMENT EXECUTE FUNCTION case_stats_on_truncate();
--> statement-breakpoint
CREATE TRIGGER case_stats_dispatches_insert AFTER INSERT ON case_dispatches
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_stats_on_dispatches_insert();
--> statement-breakpoint
CREATE TRIGGER case_stats_dispatches_update AFTER UPDATE ON case_dispatches
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_stats_on_dispatches_update();
--> statement-breakpoint
CREATE TRIGGER case_stats_dispatches_delete AFTER DELETE ON case_dispatches
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_stats_on_dispatches_delete();
--> statement-breakpoint
CREATE TRIGGER case_stats_dispatches_truncate AFTER TRUNCATE ON case_dispatches
  FOR EACH STATEMENT EXECUTE FUNCTION case_stats_on_truncate();
--> statement-breakpoint
-- Grid codes do not change through the API (grid.contracts.ts); should one change, the level-2 grids the cases count
-- under may too: recompute.
CREATE FUNCTION case_stats_on_grids_update() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.code IS DISTINCT FROM n.code) THEN
    PERFORM case_stats_rebuild();
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_stats_grids_update AFTER UPDATE ON grids
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_stats_on_grids_update();
--> statement-breakpoint
SELECT case_stats_rebuild();
