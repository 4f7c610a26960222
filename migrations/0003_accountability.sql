CREATE TABLE "accountability_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoint" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"erased_person_ids" uuid[] DEFAULT '{}' NOT NULL,
	"erased_all" boolean DEFAULT false NOT NULL,
	"reason" text,
	"next_review_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "signing_key" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"algorithm" text NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_task" ADD CONSTRAINT "review_task_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_task" ADD CONSTRAINT "review_task_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_task_queue_idx" ON "review_task" USING btree ("unit_id","due_at") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "review_task_pending_idx" ON "review_task" USING btree ("request_id") WHERE status = 'pending';--> statement-breakpoint
-- Seed the recurring accountability jobs (audit checkpoints, retention scan); each run plans the next one.
INSERT INTO "job" ("kind", "run_at", "payload", "dedupe_key") VALUES
  ('accountability.audit_checkpoint', '2000-01-01T00:00:00Z', '{}', 'accountability.audit_checkpoint:seed'),
  ('accountability.retention_scan', '2000-01-01T00:00:00Z', '{}', 'accountability.retention_scan:seed')
ON CONFLICT DO NOTHING;
