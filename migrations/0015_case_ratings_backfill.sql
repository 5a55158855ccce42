-- Hand-written: ratings kept before case_ratings existed (docs/CASES.md "Definitions"). Every 'rate' event becomes its
-- round (in event order); a case rated without such an event (bulk-generated data) gets its one rating as round 1.
-- Then the case's counted rating is set as transitions set it: the worst of its rounds (the enum runs satisfied <
-- basically_satisfied < unsatisfied, so max is the worst), at the first one's time. This restores the ratings a
-- reopen used to wipe; the statistics follow through the case_stats triggers. Dispatches of cases reopened before
-- this migration are left as they were: the new dispatch status 'reopened' cannot be used in the transaction that
-- adds it (0013), and all pending migrations run in one.
INSERT INTO case_ratings (case_id, round, satisfaction, comment, by_phone_visit, rated_by_user_id, rated_at)
SELECT e.case_id, row_number() OVER (PARTITION BY e.case_id ORDER BY e.at, e.id), (e.data->>'satisfaction')::satisfaction,
  e.note, coalesce((e.data->>'phoneVisit')::boolean, false), e.actor_user_id, e.at
FROM case_events e
WHERE e.action = 'rate' AND e.data->>'satisfaction' IN ('satisfied', 'basically_satisfied', 'unsatisfied');
--> statement-breakpoint
INSERT INTO case_ratings (case_id, round, satisfaction, comment, by_phone_visit, rated_at)
SELECT c.id, 1, c.satisfaction, c.rating_comment, c.rated_by_phone_visit, c.rated_at
FROM cases c
WHERE c.satisfaction IS NOT NULL AND c.rated_at IS NOT NULL AND c.merged_into_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM case_ratings r WHERE r.case_id = c.id);
--> statement-breakpoint
UPDATE cases c SET satisfaction = r.worst, rated_at = r.first
FROM (SELECT case_id, max(satisfaction) AS worst, min(rated_at) AS first FROM case_ratings GROUP BY case_id) r
WHERE r.case_id = c.id AND c.merged_into_id IS NULL
  AND (c.satisfaction, c.rated_at) IS DISTINCT FROM (r.worst, r.first);
