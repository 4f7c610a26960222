CREATE TABLE "peace_application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peace_call" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peace_call_post" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"title" text NOT NULL,
	"profile" text,
	"positions" integer NOT NULL,
	"language" text,
	"language_level" text
);
--> statement-breakpoint
CREATE TABLE "peace_candidate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_number" text NOT NULL,
	"full_name" text NOT NULL,
	"gender" text NOT NULL,
	"home_unit" text NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"driving_licence" boolean DEFAULT false NOT NULL,
	"assessments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"earlier_missions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "peace_candidate_employee_number_unique" UNIQUE("employee_number")
);
--> statement-breakpoint
CREATE TABLE "peace_certificate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peace_deployment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"mission_id" uuid NOT NULL,
	"nomination_id" uuid,
	"post_title" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"original_end_date" date NOT NULL,
	"status" text NOT NULL,
	"end_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peace_deployment_welfare" (
	"deployment_id" uuid PRIMARY KEY NOT NULL,
	"next_of_kin_name" text,
	"next_of_kin_relation" text,
	"next_of_kin_phone" text,
	"medical_status" text NOT NULL,
	"medical_checked_on" date,
	"medical_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peace_extension" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deployment_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peace_mission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"organisation" text NOT NULL,
	"country_code" text NOT NULL,
	"mandate" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "peace_mission_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "peace_nomination" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"outcome_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "peace_application" ADD CONSTRAINT "peace_application_post_id_peace_call_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."peace_call_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_application" ADD CONSTRAINT "peace_application_candidate_id_peace_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."peace_candidate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_application" ADD CONSTRAINT "peace_application_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_call" ADD CONSTRAINT "peace_call_mission_id_peace_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."peace_mission"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_call" ADD CONSTRAINT "peace_call_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_call_post" ADD CONSTRAINT "peace_call_post_call_id_peace_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."peace_call"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_candidate" ADD CONSTRAINT "peace_candidate_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_certificate" ADD CONSTRAINT "peace_certificate_candidate_id_peace_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."peace_candidate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_deployment" ADD CONSTRAINT "peace_deployment_candidate_id_peace_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."peace_candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_deployment" ADD CONSTRAINT "peace_deployment_mission_id_peace_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."peace_mission"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_deployment" ADD CONSTRAINT "peace_deployment_nomination_id_peace_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."peace_nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_deployment" ADD CONSTRAINT "peace_deployment_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_deployment_welfare" ADD CONSTRAINT "peace_deployment_welfare_deployment_id_peace_deployment_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."peace_deployment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_deployment_welfare" ADD CONSTRAINT "peace_deployment_welfare_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_extension" ADD CONSTRAINT "peace_extension_deployment_id_peace_deployment_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."peace_deployment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_extension" ADD CONSTRAINT "peace_extension_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_mission" ADD CONSTRAINT "peace_mission_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_nomination" ADD CONSTRAINT "peace_nomination_post_id_peace_call_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."peace_call_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_nomination" ADD CONSTRAINT "peace_nomination_candidate_id_peace_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."peace_candidate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_nomination" ADD CONSTRAINT "peace_nomination_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peace_nomination" ADD CONSTRAINT "peace_nomination_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "peace_application_post_candidate_idx" ON "peace_application" USING btree ("post_id","candidate_id");--> statement-breakpoint
CREATE INDEX "peace_call_mission_idx" ON "peace_call" USING btree ("mission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "peace_call_reference_idx" ON "peace_call" USING btree ("mission_id","reference");--> statement-breakpoint
CREATE INDEX "peace_call_post_call_idx" ON "peace_call_post" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "peace_certificate_candidate_idx" ON "peace_certificate" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "peace_certificate_expiry_idx" ON "peace_certificate" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "peace_deployment_candidate_idx" ON "peace_deployment" USING btree ("candidate_id","start_date");--> statement-breakpoint
CREATE INDEX "peace_deployment_mission_idx" ON "peace_deployment" USING btree ("mission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "peace_deployment_nomination_idx" ON "peace_deployment" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "peace_extension_deployment_idx" ON "peace_extension" USING btree ("deployment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "peace_nomination_post_candidate_idx" ON "peace_nomination" USING btree ("post_id","candidate_id");--> statement-breakpoint
CREATE INDEX "peace_nomination_candidate_idx" ON "peace_nomination" USING btree ("candidate_id");