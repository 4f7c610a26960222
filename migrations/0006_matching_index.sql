CREATE TABLE "match_hit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"request_person_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"level" text NOT NULL,
	"explanation" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_key" (
	"key" text NOT NULL,
	"birth_year" smallint,
	"subject_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_subject" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"request_id" uuid,
	"request_person_id" uuid,
	"wanted_person_id" uuid,
	"reference" text DEFAULT '' NOT NULL,
	"names" text[] NOT NULL,
	"birth_date" text,
	"nationalities" text[] DEFAULT '{}' NOT NULL,
	"gender" text,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"prepared" jsonb,
	"engine" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_hit" ADD CONSTRAINT "match_hit_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_hit" ADD CONSTRAINT "match_hit_request_person_id_request_person_id_fk" FOREIGN KEY ("request_person_id") REFERENCES "public"."request_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_hit" ADD CONSTRAINT "match_hit_subject_id_match_subject_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."match_subject"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_hit" ADD CONSTRAINT "match_hit_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_key" ADD CONSTRAINT "match_key_subject_id_match_subject_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."match_subject"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_subject" ADD CONSTRAINT "match_subject_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_subject" ADD CONSTRAINT "match_subject_request_person_id_request_person_id_fk" FOREIGN KEY ("request_person_id") REFERENCES "public"."request_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_subject" ADD CONSTRAINT "match_subject_wanted_person_id_wanted_person_id_fk" FOREIGN KEY ("wanted_person_id") REFERENCES "public"."wanted_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "match_hit_pair_idx" ON "match_hit" USING btree ("request_person_id","subject_id");--> statement-breakpoint
CREATE INDEX "match_hit_request_idx" ON "match_hit" USING btree ("request_id","status");--> statement-breakpoint
CREATE INDEX "match_hit_subject_idx" ON "match_hit" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "match_key_key_idx" ON "match_key" USING btree ("key","birth_year","subject_id");--> statement-breakpoint
CREATE INDEX "match_key_subject_idx" ON "match_key" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "match_subject_source_idx" ON "match_subject" USING btree ("kind","source_id");--> statement-breakpoint
CREATE INDEX "match_subject_request_idx" ON "match_subject" USING btree ("request_id");