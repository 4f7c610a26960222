-- Case search (desk): references by substring (trigram), subject and thread text by word ('simple': the texts are
-- in many languages, so no stemming). The search query uses exactly these expressions.
CREATE INDEX IF NOT EXISTS "request_refs_trgm_idx" ON "request" USING gin ((lower("reference" || ' ' || coalesce("counterpart_reference", ''))) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "request_subject_fts_idx" ON "request" USING gin (to_tsvector('simple'::regconfig, "subject"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "request_message_body_fts_idx" ON "request_message" USING gin (to_tsvector('simple'::regconfig, "body"));
