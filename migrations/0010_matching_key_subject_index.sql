DROP INDEX "match_key_subject_idx";--> statement-breakpoint
CREATE INDEX "match_key_subject_key_idx" ON "match_key" USING btree ("subject_id","key");