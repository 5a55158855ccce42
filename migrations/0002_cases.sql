CREATE TYPE "public"."case_channel" AS ENUM('hall', 'street_point', 'door_visit', 'snap', 'online', 'community_whistle');--> statement-breakpoint
CREATE TYPE "public"."case_priority" AS ENUM('urgent', 'ordinary', 'complex');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('reported', 'accepted', 'rejected', 'dispatched', 'acknowledged', 'in_progress', 'resolved', 'verified', 'closed', 'rated', 'returned', 'reopened');--> statement-breakpoint
CREATE TYPE "public"."dispatch_status" AS ENUM('pending', 'acknowledged', 'on_site', 'done', 'returned');--> statement-breakpoint
CREATE TYPE "public"."photo_kind" AS ENUM('report', 'resolution', 'dispatch');--> statement-breakpoint
CREATE TYPE "public"."satisfaction" AS ENUM('satisfied', 'basically_satisfied', 'unsatisfied');--> statement-breakpoint
CREATE TYPE "public"."evaluation_verdict" AS ENUM('satisfied', 'basically_satisfied', 'unsatisfied', 'pending');--> statement-breakpoint
CREATE TYPE "public"."whistle_kind" AS ENUM('resident', 'community');--> statement-breakpoint
CREATE SEQUENCE "public"."case_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "case_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"priority" "case_priority",
	"response_minutes" integer,
	"resolution_minutes" integer,
	"sort" smallint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_dispatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" "dispatch_status" DEFAULT 'pending' NOT NULL,
	"instructions" text,
	"dispatched_at" timestamp with time zone NOT NULL,
	"dispatched_by_user_id" uuid,
	"response_due_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"arrived_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"report_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" "case_status",
	"to_status" "case_status",
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid,
	"event_id" bigint,
	"kind" "photo_kind" NOT NULL,
	"path" text NOT NULL,
	"thumb_path" text NOT NULL,
	"mime" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"channel" "case_channel" NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category_code" text NOT NULL,
	"suggested_category_code" text,
	"suggested_confidence" real,
	"priority" "case_priority" NOT NULL,
	"status" "case_status" DEFAULT 'reported' NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"address" text,
	"grid_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"owner_person_id" uuid,
	"reporter_person_id" uuid,
	"reporter_user_id" uuid,
	"reporter_name" text,
	"reporter_phone" text,
	"recorded_by_user_id" uuid,
	"whistle" "whistle_kind",
	"is_need" boolean DEFAULT false NOT NULL,
	"merged_into_id" uuid,
	"reported_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"response_due_at" timestamp with time zone NOT NULL,
	"resolution_due_at" timestamp with time zone NOT NULL,
	"supervised_at" timestamp with time zone,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"due_soon_notified_at" timestamp with time zone,
	"satisfaction" "satisfaction",
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"rated_by_phone_visit" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cases_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "evaluation_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"verdict" "evaluation_verdict" DEFAULT 'pending' NOT NULL,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"held_on" text NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"representatives" text[] DEFAULT '{}'::text[] NOT NULL,
	"minutes" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"entity_type" text,
	"entity_id" text,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_route_pk" PRIMARY KEY("user_id","key","route")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_run_at" timestamp with time zone NOT NULL,
	"last_result" jsonb
);
--> statement-breakpoint
ALTER TABLE "case_categories" ADD CONSTRAINT "case_categories_parent_code_case_categories_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."case_categories"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_dispatches" ADD CONSTRAINT "case_dispatches_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_dispatches" ADD CONSTRAINT "case_dispatches_unit_id_organisations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_photos" ADD CONSTRAINT "case_photos_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_category_code_case_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."case_categories"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_reporter_person_id_people_id_fk" FOREIGN KEY ("reporter_person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_merged_into_id_cases_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD CONSTRAINT "evaluation_items_session_id_evaluation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."evaluation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD CONSTRAINT "evaluation_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sessions" ADD CONSTRAINT "evaluation_sessions_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_dispatches_case_idx" ON "case_dispatches" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_dispatches_unit_idx" ON "case_dispatches" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "case_dispatches_case_unit_uq" ON "case_dispatches" USING btree ("case_id","unit_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_photos_case_idx" ON "case_photos" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "cases_community_reported_idx" ON "cases" USING btree ("community_id","reported_at");--> statement-breakpoint
CREATE INDEX "cases_grid_idx" ON "cases" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "cases_reported_idx" ON "cases" USING btree ("reported_at");--> statement-breakpoint
CREATE INDEX "cases_response_due_idx" ON "cases" USING btree ("response_due_at");--> statement-breakpoint
CREATE INDEX "cases_resolution_due_idx" ON "cases" USING btree ("resolution_due_at");--> statement-breakpoint
CREATE INDEX "cases_reporter_person_idx" ON "cases" USING btree ("reporter_person_id");--> statement-breakpoint
CREATE INDEX "cases_reporter_user_idx" ON "cases" USING btree ("reporter_user_id");--> statement-breakpoint
CREATE INDEX "cases_category_idx" ON "cases" USING btree ("category_code");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_items_session_case_uq" ON "evaluation_items" USING btree ("session_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_sessions_community_day_uq" ON "evaluation_sessions" USING btree ("community_id","held_on");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read_at","created_at");