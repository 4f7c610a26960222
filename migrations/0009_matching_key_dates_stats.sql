CREATE TABLE "match_key_stat" (
	"key" text PRIMARY KEY NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "match_key_key_idx";--> statement-breakpoint
ALTER TABLE "match_key" ADD COLUMN "birth_md" smallint;--> statement-breakpoint
CREATE INDEX "match_key_lookup_idx" ON "match_key" USING btree ("key","birth_year","birth_md","subject_id");--> statement-breakpoint
-- Candidate ranking of the cross-check (see findCandidates in matching.repository.ts, which calls it): a plpgsql
-- function so that its plan is made once per connection, not at every lookup (planning cost about as much as
-- running it). Recall: the subjects sharing blocking keys with each query person, ranked by rarity-weighted shared
-- keys (the same birth date ×4, a year either side ×1.5, known dates further apart ×0.5: the scorer would set those
-- far below anyway); a key held by more than `cap` subjects is read only where the birth date fits, at most `cap`
-- rows a part.
CREATE FUNCTION match_candidates(q jsonb, cap int, pre_limit int)
RETURNS TABLE (pi int, subject_id uuid, w float8)
LANGUAGE plpgsql STABLE
SET jit = off
AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH qq AS (
    SELECT * FROM jsonb_to_recordset(q) AS x(pi int, key text, y int, md int)
  ), f AS MATERIALIZED (
    SELECT qq.pi, qq.key, qq.y, qq.md, coalesce((SELECT st.n FROM match_key_stat st WHERE st.key = qq.key),
      (SELECT count(*) FROM (SELECT 1 FROM match_key m WHERE m.key = qq.key LIMIT cap + 1) c))::int AS n
    FROM qq
  ), h AS (
    SELECT f.pi, c.subject_id, f.n, c.birth_year, c.birth_md, f.y, f.md FROM f CROSS JOIN LATERAL (
      (SELECT m.subject_id, m.birth_year, m.birth_md FROM match_key m WHERE m.key = f.key AND f.n <= cap LIMIT cap)
      UNION ALL
      (SELECT m.subject_id, m.birth_year, m.birth_md FROM match_key m
        WHERE m.key = f.key AND f.n > cap AND f.md IS NOT NULL AND m.birth_year = f.y AND m.birth_md = f.md LIMIT cap)
      UNION ALL
      (SELECT m.subject_id, m.birth_year, m.birth_md FROM match_key m
        WHERE m.key = f.key AND f.n > cap AND f.y IS NOT NULL AND m.birth_year = f.y AND (f.md IS NULL OR m.birth_md IS DISTINCT FROM f.md) LIMIT cap)
      UNION ALL
      (SELECT m.subject_id, m.birth_year, m.birth_md FROM match_key m
        WHERE m.key = f.key AND f.n > cap AND f.md IS NOT NULL AND m.birth_year IN (f.y - 1, f.y + 1) AND m.birth_md = f.md LIMIT cap)
      UNION ALL
      (SELECT m.subject_id, m.birth_year, m.birth_md FROM match_key m
        WHERE m.key = f.key AND f.n > cap AND f.md IS NULL AND f.y IS NOT NULL AND m.birth_year IN (f.y - 1, f.y + 1) LIMIT cap)
    ) c
  ), agg AS (
    SELECT h.pi, h.subject_id, sum((1.0::float8 / ln(2 + h.n)) * (CASE
        WHEN h.md IS NOT NULL AND h.birth_year = h.y AND h.birth_md = h.md THEN 4.0::float8
        WHEN h.y IS NOT NULL AND h.birth_year BETWEEN h.y - 1 AND h.y + 1 THEN 1.5::float8
        WHEN h.y IS NOT NULL AND h.birth_year IS NOT NULL THEN 0.5::float8
        ELSE 1.0::float8 END)) AS w
    FROM h GROUP BY h.pi, h.subject_id
  )
  , first AS (
    SELECT agg.pi, agg.subject_id, agg.w, row_number() OVER (PARTITION BY agg.pi ORDER BY agg.w DESC, agg.subject_id) AS rk FROM agg
  ), skipped AS (
    -- Without a birth year, a very common key is not read; the best `cap` candidates of such a query person are
    -- weighed again with the common keys they hold (a few index probes each), so that among many who share a
    -- rare key those who also share the common parts come first.
    SELECT DISTINCT f.pi FROM f WHERE f.y IS NULL AND f.n > cap
  ), second AS (
    -- ARRAY(...) keeps the probe on the (subject_id, key) index: a join would scan the common key's postings.
    SELECT r.pi, r.subject_id, r.w + coalesce((SELECT sum(1.0::float8 / ln(2 + f.n)) FROM f
        WHERE f.pi = r.pi AND f.y IS NULL AND f.n > cap AND f.key = ANY (ARRAY(SELECT m.key FROM match_key m WHERE m.subject_id = r.subject_id))), 0) AS w
    FROM first r WHERE r.pi IN (SELECT skipped.pi FROM skipped) AND r.rk <= 100
    UNION ALL
    SELECT r.pi, r.subject_id, r.w FROM first r WHERE r.pi NOT IN (SELECT skipped.pi FROM skipped) AND r.rk <= pre_limit
  )
  SELECT r.pi, r.subject_id, r.w FROM (
    SELECT second.pi, second.subject_id, second.w, row_number() OVER (PARTITION BY second.pi ORDER BY second.w DESC, second.subject_id) AS rk FROM second
  ) r WHERE r.rk <= pre_limit;
END
$fn$;
