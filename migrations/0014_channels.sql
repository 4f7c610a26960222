CREATE SEQUENCE "public"."sirene_form_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."development_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "channel_inbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"content_hash" text NOT NULL,
	"source" text NOT NULL,
	"token_id" uuid,
	"message_ref" text NOT NULL,
	"case_ref" text,
	"in_reply_to" text,
	"country_code" text NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"request_id" uuid,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"format" text NOT NULL,
	"kind" text NOT NULL,
	"message_ref" text NOT NULL,
	"wire" jsonb NOT NULL,
	"request_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"external_ref" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "channel_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "channel_token_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "development_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"start_date" text NOT NULL,
	"end_date" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_budget" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"amount" bigint NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"organisation" text NOT NULL,
	"role" text,
	"email" text,
	"phone" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_disbursement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"date" text NOT NULL,
	"amount" bigint NOT NULL,
	"description" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_indicator" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"result_id" uuid NOT NULL,
	"title" text NOT NULL,
	"measure" text NOT NULL,
	"ascending" boolean DEFAULT true NOT NULL,
	"baseline_year" integer NOT NULL,
	"baseline_value" double precision NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_indicator_period" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"target" double precision,
	"actual" double precision,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_lesson" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"lesson" text NOT NULL,
	"created_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_project" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text DEFAULT 'DEV-' || lpad(nextval('development_reference_seq')::text, 5, '0') NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"partner_country" text NOT NULL,
	"partner_name" text NOT NULL,
	"partner_ref" text,
	"partner_type" text NOT NULL,
	"sector" text NOT NULL,
	"gender_marker" text NOT NULL,
	"human_rights_marker" text NOT NULL,
	"start_date" text NOT NULL,
	"end_date" text NOT NULL,
	"currency" text DEFAULT 'SEK' NOT NULL,
	"status" text NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"approval_decision" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "development_project_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "development_result" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_risk" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"description" text NOT NULL,
	"likelihood" text NOT NULL,
	"impact" text NOT NULL,
	"mitigation" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_action_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" text NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"done_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "strategic_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_instruction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"body" text NOT NULL,
	"classification" text DEFAULT 'none' NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"drafted_by" uuid NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"place_detail" text,
	"report_body" text,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_member" (
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "strategic_member_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "europol_mandate" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_inbox" ADD CONSTRAINT "channel_inbox_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_outbox" ADD CONSTRAINT "channel_outbox_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_token" ADD CONSTRAINT "channel_token_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_activity" ADD CONSTRAINT "development_activity_project_id_development_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."development_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_budget" ADD CONSTRAINT "development_budget_project_id_development_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."development_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_budget" ADD CONSTRAINT "development_budget_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_contact" ADD CONSTRAINT "development_contact_project_id_development_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."development_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_contact" ADD CONSTRAINT "development_contact_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_disbursement" ADD CONSTRAINT "development_disbursement_project_id_development_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."development_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_disbursement" ADD CONSTRAINT "development_disbursement_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_indicator" ADD CONSTRAINT "development_indicator_project_id_development_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."development_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_indicator" ADD CONSTRAINT "development_indicator_result_id_development_result_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."development_result"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_indicator_period" ADD CONSTRAINT "development_indicator_period_indicator_id_development_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."development_indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_lesson" ADD CONSTRAINT "development_lesson_project_id_development_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."development_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_lesson" ADD CONSTRAINT "development_lesson_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_project" ADD CONSTRAINT "development_project_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_project" ADD CONSTRAINT "development_project_approved_by_app_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_project" ADD CONSTRAINT "development_project_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_result" ADD CONSTRAINT "development_result_project_id_development_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."development_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_risk" ADD CONSTRAINT "development_risk_project_id_development_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."development_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_action_item" ADD CONSTRAINT "strategic_action_item_meeting_id_strategic_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."strategic_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_action_item" ADD CONSTRAINT "strategic_action_item_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_action_item" ADD CONSTRAINT "strategic_action_item_done_by_app_user_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_action_item" ADD CONSTRAINT "strategic_action_item_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_agenda_item" ADD CONSTRAINT "strategic_agenda_item_meeting_id_strategic_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."strategic_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_attachment" ADD CONSTRAINT "strategic_attachment_meeting_id_strategic_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."strategic_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_attachment" ADD CONSTRAINT "strategic_attachment_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_group" ADD CONSTRAINT "strategic_group_parent_id_strategic_group_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."strategic_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_group" ADD CONSTRAINT "strategic_group_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_instruction" ADD CONSTRAINT "strategic_instruction_meeting_id_strategic_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."strategic_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_instruction" ADD CONSTRAINT "strategic_instruction_drafted_by_app_user_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_instruction" ADD CONSTRAINT "strategic_instruction_approved_by_app_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_meeting" ADD CONSTRAINT "strategic_meeting_group_id_strategic_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."strategic_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_meeting" ADD CONSTRAINT "strategic_meeting_reported_by_app_user_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_meeting" ADD CONSTRAINT "strategic_meeting_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_member" ADD CONSTRAINT "strategic_member_group_id_strategic_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."strategic_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_member" ADD CONSTRAINT "strategic_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_inbox_hash_idx" ON "channel_inbox" USING btree ("channel","content_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_inbox_ref_idx" ON "channel_inbox" USING btree ("channel","country_code","message_ref");--> statement-breakpoint
CREATE INDEX "channel_inbox_case_idx" ON "channel_inbox" USING btree ("channel","country_code","case_ref");--> statement-breakpoint
CREATE INDEX "channel_inbox_request_idx" ON "channel_inbox" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "channel_outbox_request_idx" ON "channel_outbox" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "channel_outbox_ref_idx" ON "channel_outbox" USING btree ("channel","message_ref");--> statement-breakpoint
CREATE INDEX "development_activity_project_idx" ON "development_activity" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "development_budget_project_idx" ON "development_budget" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "development_contact_project_idx" ON "development_contact" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "development_disbursement_project_idx" ON "development_disbursement" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "development_indicator_result_idx" ON "development_indicator" USING btree ("result_id");--> statement-breakpoint
CREATE INDEX "development_indicator_period_idx" ON "development_indicator_period" USING btree ("indicator_id","period_start");--> statement-breakpoint
CREATE INDEX "development_lesson_project_idx" ON "development_lesson" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "development_project_unit_idx" ON "development_project" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "development_result_project_idx" ON "development_result" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "development_risk_project_idx" ON "development_risk" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "strategic_action_meeting_idx" ON "strategic_action_item" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "strategic_action_owner_idx" ON "strategic_action_item" USING btree ("owner_id","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "strategic_agenda_meeting_idx" ON "strategic_agenda_item" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "strategic_attachment_meeting_idx" ON "strategic_attachment" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategic_group_code_idx" ON "strategic_group" USING btree (lower("code"));--> statement-breakpoint
CREATE INDEX "strategic_group_parent_idx" ON "strategic_group" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategic_instruction_number_idx" ON "strategic_instruction" USING btree ("meeting_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "strategic_instruction_draft_idx" ON "strategic_instruction" USING btree ("meeting_id") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "strategic_meeting_group_idx" ON "strategic_meeting" USING btree ("group_id","starts_at");--> statement-breakpoint
CREATE INDEX "strategic_meeting_starts_idx" ON "strategic_meeting" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "strategic_member_user_idx" ON "strategic_member" USING btree ("user_id");