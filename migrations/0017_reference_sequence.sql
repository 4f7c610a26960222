-- Request references (SE-2026-000123) come from one sequence per scope and year instead of a locked counter row:
-- a sequence hands out numbers without holding a lock to the end of the transaction, so receiving transactions no
-- longer wait for each other. A rolled-back transaction leaves a gap in the numbers; no rule asks for gap-free
-- references (they name a case; the register is the request table and the audit log). A new year's sequence is
-- created at its first reference and starts after what the old counter table had given out for that scope.
CREATE OR REPLACE FUNCTION next_reference(p_scope text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  seq text := 'reference_seq_' || lower(regexp_replace(p_scope, '[^A-Za-z0-9]+', '_', 'g'));
BEGIN
  IF to_regclass(seq) IS NULL THEN
    BEGIN
      EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I START WITH %s', seq,
        coalesce((SELECT value FROM reference_counter WHERE scope = p_scope), 0) + 1);
    EXCEPTION WHEN unique_violation OR duplicate_table THEN
      -- Another transaction created it at the same moment: use theirs.
      NULL;
    END;
  END IF;
  RETURN nextval(seq::regclass);
END $$;
