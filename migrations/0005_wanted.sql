CREATE SEQUENCE "public"."wanted_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "wanted_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"seq" bigserial NOT NULL,
	"note" text,
	"actor_id" uuid
);
--> statement-breakpoint
CREATE TABLE "wanted_lead" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_country" text,
	"body" text NOT NULL,
	"contact" text,
	"received_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "wanted_location" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"place" text,
	"from_date" text,
	"to_date" text,
	"source" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wanted_person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text DEFAULT 'FAST-' || lpad(nextval('wanted_reference_seq')::text, 7, '0') NOT NULL,
	"source" text NOT NULL,
	"interpol_entity_id" text,
	"full_name" text NOT NULL,
	"other_script_names" text[] DEFAULT '{}' NOT NULL,
	"aliases" text[] DEFAULT '{}' NOT NULL,
	"date_of_birth" text,
	"place_of_birth" text,
	"gender" text DEFAULT 'unknown' NOT NULL,
	"nationalities" text[] DEFAULT '{}' NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text,
	"requesting_authority" text NOT NULL,
	"authority_reference" text NOT NULL,
	"legal_basis" text NOT NULL,
	"offence" text NOT NULL,
	"offence_summary" text,
	"danger_warnings" text,
	"handling_warnings" text,
	"status" text NOT NULL,
	"arrest_warrant_id" uuid,
	"arrest_country" text,
	"arrest_place" text,
	"arrested_at" timestamp with time zone,
	"consent" boolean,
	"consent_at" timestamp with time zone,
	"exceptional" boolean DEFAULT false NOT NULL,
	"final_decision_at" timestamp with time zone,
	"agreed_surrender_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"published" boolean DEFAULT false NOT NULL,
	"officer_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wanted_person_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "wanted_photo" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wanted_publication_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wanted_request_link" (
	"person_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wanted_request_link_person_id_request_id_pk" PRIMARY KEY("person_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "wanted_task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"assignee_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wanted_warrant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"issuing_country" text NOT NULL,
	"issuing_authority" text NOT NULL,
	"issued_at" text NOT NULL,
	"valid_until" text,
	"review_at" text,
	"channel_reference" text,
	"eaw" jsonb,
	"article3_status" text,
	"article3_reason" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wanted_event" ADD CONSTRAINT "wanted_event_person_id_wanted_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."wanted_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_event" ADD CONSTRAINT "wanted_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_lead" ADD CONSTRAINT "wanted_lead_person_id_wanted_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."wanted_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_lead" ADD CONSTRAINT "wanted_lead_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_location" ADD CONSTRAINT "wanted_location_person_id_wanted_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."wanted_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_location" ADD CONSTRAINT "wanted_location_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_person" ADD CONSTRAINT "wanted_person_officer_id_app_user_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_person" ADD CONSTRAINT "wanted_person_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_photo" ADD CONSTRAINT "wanted_photo_person_id_wanted_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."wanted_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_photo" ADD CONSTRAINT "wanted_photo_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_publication_decision" ADD CONSTRAINT "wanted_publication_decision_person_id_wanted_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."wanted_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_publication_decision" ADD CONSTRAINT "wanted_publication_decision_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_request_link" ADD CONSTRAINT "wanted_request_link_person_id_wanted_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."wanted_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_request_link" ADD CONSTRAINT "wanted_request_link_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_task" ADD CONSTRAINT "wanted_task_person_id_wanted_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."wanted_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_task" ADD CONSTRAINT "wanted_task_assignee_id_app_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_task" ADD CONSTRAINT "wanted_task_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wanted_warrant" ADD CONSTRAINT "wanted_warrant_person_id_wanted_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."wanted_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wanted_event_person_idx" ON "wanted_event" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "wanted_lead_person_idx" ON "wanted_lead" USING btree ("person_id","received_at");--> statement-breakpoint
CREATE INDEX "wanted_location_person_idx" ON "wanted_location" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wanted_person_interpol_idx" ON "wanted_person" USING btree ("interpol_entity_id");--> statement-breakpoint
CREATE INDEX "wanted_person_status_idx" ON "wanted_person" USING btree ("status");--> statement-breakpoint
CREATE INDEX "wanted_person_published_idx" ON "wanted_person" USING btree ("published");--> statement-breakpoint
CREATE INDEX "wanted_photo_person_idx" ON "wanted_photo" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "wanted_publication_person_idx" ON "wanted_publication_decision" USING btree ("person_id","decided_at");--> statement-breakpoint
CREATE INDEX "wanted_task_person_idx" ON "wanted_task" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "wanted_warrant_person_idx" ON "wanted_warrant" USING btree ("person_id");