CREATE TABLE "match_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_a" uuid NOT NULL,
	"subject_b" uuid NOT NULL,
	"hit_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"undone_by" uuid,
	"undone_at" timestamp with time zone,
	"undo_reason" text
);
--> statement-breakpoint
CREATE TABLE "matching_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_link" ADD CONSTRAINT "match_link_subject_a_match_subject_id_fk" FOREIGN KEY ("subject_a") REFERENCES "public"."match_subject"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_link" ADD CONSTRAINT "match_link_subject_b_match_subject_id_fk" FOREIGN KEY ("subject_b") REFERENCES "public"."match_subject"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_link" ADD CONSTRAINT "match_link_hit_id_match_hit_id_fk" FOREIGN KEY ("hit_id") REFERENCES "public"."match_hit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_link" ADD CONSTRAINT "match_link_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_link" ADD CONSTRAINT "match_link_undone_by_app_user_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "match_link_hit_idx" ON "match_link" USING btree ("hit_id");--> statement-breakpoint
CREATE INDEX "match_link_a_idx" ON "match_link" USING btree ("subject_a") WHERE undone_at IS NULL;--> statement-breakpoint
CREATE INDEX "match_link_b_idx" ON "match_link" USING btree ("subject_b") WHERE undone_at IS NULL;--> statement-breakpoint
-- Hits confirmed before merges were links become links, so every confirmed hit can be undone the same way.
INSERT INTO "match_link" ("subject_a", "subject_b", "hit_id", "created_by", "created_at")
SELECT s.id, h.subject_id, h.id, h.decided_by, coalesce(h.decided_at, h.updated_at)
FROM "match_hit" h JOIN "match_subject" s ON s.kind = 'request_person' AND s.source_id = h.request_person_id
WHERE h.status = 'confirmed';
