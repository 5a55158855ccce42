CREATE TYPE "public"."service_record_kind" AS ENUM('post_duty', 'service_day', 'case', 'need', 'volunteer_shift', 'school_lesson');--> statement-breakpoint
CREATE TYPE "public"."post_activity_state" AS ENUM('scheduled', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."post_assignment_state" AS ENUM('suggested', 'confirmed', 'declined', 'ended');--> statement-breakpoint
CREATE TYPE "public"."post_checkin_method" AS ENUM('qr', 'staff');--> statement-breakpoint
CREATE TYPE "public"."post_opening_state" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."rating_appeal_state" AS ENUM('pending', 'upheld', 'revised');--> statement-breakpoint
CREATE TYPE "public"."rating_grade" AS ENUM('excellent', 'qualified', 'basic', 'unqualified');--> statement-breakpoint
CREATE TYPE "public"."rating_state" AS ENUM('suggested', 'confirmed');--> statement-breakpoint
CREATE TYPE "public"."member_report_state" AS ENUM('pending', 'approved', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" "service_record_kind" NOT NULL,
	"source_id" uuid NOT NULL,
	"community_id" uuid,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"day" date NOT NULL,
	"verified_by_user_id" uuid,
	"evidence" text,
	"correction_reason" text,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"post_type_id" uuid NOT NULL,
	"opening_id" uuid,
	"grid_id" uuid,
	"title" text NOT NULL,
	"place" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"state" "post_activity_state" DEFAULT 'scheduled' NOT NULL,
	"cancel_reason" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_activity_signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"signed_up_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checkin_method" "post_checkin_method",
	"checked_in_by_user_id" uuid,
	"checked_out_at" timestamp with time zone,
	"no_show" boolean DEFAULT false NOT NULL,
	"service_record_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opening_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"state" "post_assignment_state" DEFAULT 'suggested' NOT NULL,
	"score" double precision,
	"distance_km" double precision,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_user_id" uuid,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_openings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"post_type_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"seats" integer NOT NULL,
	"title" text NOT NULL,
	"duties" text,
	"lng" double precision,
	"lat" double precision,
	"state" "post_opening_state" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_commendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reason" text NOT NULL,
	"points" integer NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"unit_id" uuid,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"rules_id" uuid NOT NULL,
	"points" integer NOT NULL,
	"minutes" integer NOT NULL,
	"year_minutes" integer NOT NULL,
	"no_shows" integer NOT NULL,
	"reported" boolean NOT NULL,
	"suggested_grade" "rating_grade" NOT NULL,
	"grade" "rating_grade",
	"state" "rating_state" DEFAULT 'suggested' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_user_id" uuid,
	"appeal_state" "rating_appeal_state",
	"appeal_reason" text,
	"appealed_at" timestamp with time zone,
	"appeal_answer" text,
	"appeal_answered_at" timestamp with time zone,
	"appeal_answered_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_service_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"required_hours_per_year" integer NOT NULL,
	"report_every_months" integer NOT NULL,
	"certificate_valid_days" integer NOT NULL,
	"max_no_shows_for_qualified" integer NOT NULL,
	"points" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"serial" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" uuid,
	"revoke_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"state" "member_report_state" DEFAULT 'pending' NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"decline_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_verified_by_user_id_users_id_fk" FOREIGN KEY ("verified_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_activities" ADD CONSTRAINT "post_activities_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_activities" ADD CONSTRAINT "post_activities_post_type_id_post_types_id_fk" FOREIGN KEY ("post_type_id") REFERENCES "public"."post_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_activities" ADD CONSTRAINT "post_activities_opening_id_post_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."post_openings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_activities" ADD CONSTRAINT "post_activities_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_activities" ADD CONSTRAINT "post_activities_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_activity_signups" ADD CONSTRAINT "post_activity_signups_activity_id_post_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."post_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_activity_signups" ADD CONSTRAINT "post_activity_signups_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_activity_signups" ADD CONSTRAINT "post_activity_signups_checked_in_by_user_id_users_id_fk" FOREIGN KEY ("checked_in_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_activity_signups" ADD CONSTRAINT "post_activity_signups_service_record_id_service_records_id_fk" FOREIGN KEY ("service_record_id") REFERENCES "public"."service_records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_assignments" ADD CONSTRAINT "post_assignments_opening_id_post_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."post_openings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_assignments" ADD CONSTRAINT "post_assignments_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_assignments" ADD CONSTRAINT "post_assignments_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_openings" ADD CONSTRAINT "post_openings_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_openings" ADD CONSTRAINT "post_openings_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_openings" ADD CONSTRAINT "post_openings_post_type_id_post_types_id_fk" FOREIGN KEY ("post_type_id") REFERENCES "public"."post_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_types" ADD CONSTRAINT "post_types_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_commendations" ADD CONSTRAINT "member_commendations_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_commendations" ADD CONSTRAINT "member_commendations_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_commendations" ADD CONSTRAINT "member_commendations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_ratings" ADD CONSTRAINT "member_ratings_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_ratings" ADD CONSTRAINT "member_ratings_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_ratings" ADD CONSTRAINT "member_ratings_unit_id_organisations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_ratings" ADD CONSTRAINT "member_ratings_rules_id_member_service_rules_id_fk" FOREIGN KEY ("rules_id") REFERENCES "public"."member_service_rules"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_ratings" ADD CONSTRAINT "member_ratings_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_ratings" ADD CONSTRAINT "member_ratings_appeal_answered_by_user_id_users_id_fk" FOREIGN KEY ("appeal_answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_service_rules" ADD CONSTRAINT "member_service_rules_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_certificates" ADD CONSTRAINT "member_certificates_report_id_member_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."member_reports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_certificates" ADD CONSTRAINT "member_certificates_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_certificates" ADD CONSTRAINT "member_certificates_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_certificates" ADD CONSTRAINT "member_certificates_revoked_by_user_id_users_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reports" ADD CONSTRAINT "member_reports_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reports" ADD CONSTRAINT "member_reports_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reports" ADD CONSTRAINT "member_reports_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reports" ADD CONSTRAINT "member_reports_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_records_source" ON "service_records" USING btree ("kind","source_id","member_id");--> statement-breakpoint
CREATE INDEX "service_records_member_starts_idx" ON "service_records" USING btree ("member_id","starts_at");--> statement-breakpoint
CREATE INDEX "service_records_community_day_idx" ON "service_records" USING btree ("community_id","day");--> statement-breakpoint
CREATE INDEX "post_activities_community_starts_idx" ON "post_activities" USING btree ("community_id","starts_at");--> statement-breakpoint
CREATE INDEX "post_activities_starts_idx" ON "post_activities" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "post_activity_signups_activity_member" ON "post_activity_signups" USING btree ("activity_id","member_id");--> statement-breakpoint
CREATE INDEX "post_activity_signups_member_idx" ON "post_activity_signups" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "post_assignments_member_year_confirmed" ON "post_assignments" USING btree ("member_id","year") WHERE "post_assignments"."state" = 'confirmed';--> statement-breakpoint
CREATE INDEX "post_assignments_opening_idx" ON "post_assignments" USING btree ("opening_id");--> statement-breakpoint
CREATE INDEX "post_openings_community_year_idx" ON "post_openings" USING btree ("community_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "post_types_community_key" ON "post_types" USING btree ("community_id","key");--> statement-breakpoint
CREATE INDEX "member_commendations_member_day_idx" ON "member_commendations" USING btree ("member_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "member_ratings_member_quarter" ON "member_ratings" USING btree ("member_id","year","quarter");--> statement-breakpoint
CREATE INDEX "member_ratings_community_quarter_idx" ON "member_ratings" USING btree ("community_id","year","quarter");--> statement-breakpoint
CREATE INDEX "member_ratings_unit_quarter_idx" ON "member_ratings" USING btree ("unit_id","year","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "member_certificates_serial" ON "member_certificates" USING btree ("serial");--> statement-breakpoint
CREATE INDEX "member_certificates_member_idx" ON "member_certificates" USING btree ("member_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "member_reports_one_pending" ON "member_reports" USING btree ("member_id") WHERE "member_reports"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "member_reports_member_idx" ON "member_reports" USING btree ("member_id","applied_at");--> statement-breakpoint
CREATE INDEX "member_reports_community_state_idx" ON "member_reports" USING btree ("community_id","state");