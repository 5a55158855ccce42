CREATE TYPE "public"."need_match_status" AS ENUM('proposed', 'accepted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."measure_unit" AS ENUM('person_hours', 'yuan', 'items', 'sessions');--> statement-breakpoint
CREATE TYPE "public"."need_source" AS ENUM('case', 'survey', 'community');--> statement-breakpoint
CREATE TYPE "public"."need_status" AS ENUM('open', 'matched', 'in_progress', 'met', 'closed');--> statement-breakpoint
CREATE TYPE "public"."need_task_status" AS ENUM('open', 'in_progress', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."resource_kind" AS ENUM('people_hours', 'money', 'equipment', 'expertise');--> statement-breakpoint
CREATE TABLE "matching_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid,
	"parameters" jsonb NOT NULL,
	"solver" text NOT NULL,
	"status" text NOT NULL,
	"objective" double precision,
	"bound" double precision,
	"gap" double precision,
	"stats" jsonb,
	"elapsed_ms" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"amount" double precision NOT NULL,
	"distance_km" double precision NOT NULL,
	"status" "need_match_status" DEFAULT 'proposed' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"amount" double precision NOT NULL,
	"due_on" date NOT NULL,
	"status" "need_task_status" DEFAULT 'open' NOT NULL,
	"project_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"domain" "project_domain" NOT NULL,
	"priority" smallint NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"quantity" double precision NOT NULL,
	"unit" "measure_unit" NOT NULL,
	"served" double precision DEFAULT 0 NOT NULL,
	"source" "need_source" NOT NULL,
	"status" "need_status" DEFAULT 'open' NOT NULL,
	"case_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "needs_priority_range" CHECK ("needs"."priority" between 1 and 5),
	CONSTRAINT "needs_served_within" CHECK ("needs"."served" >= 0 and "needs"."served" <= "needs"."quantity" + 1e-6)
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" "resource_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"capacity" double precision NOT NULL,
	"unit" "measure_unit" NOT NULL,
	"reserved" double precision DEFAULT 0 NOT NULL,
	"available_from" date NOT NULL,
	"available_to" date NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "resources_reserved_within" CHECK ("resources"."reserved" >= 0 and "resources"."reserved" <= "resources"."capacity" + 1e-6)
);
--> statement-breakpoint
ALTER TABLE "matching_runs" ADD CONSTRAINT "matching_runs_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_runs" ADD CONSTRAINT "matching_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_matches" ADD CONSTRAINT "need_matches_run_id_matching_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."matching_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_matches" ADD CONSTRAINT "need_matches_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_matches" ADD CONSTRAINT "need_matches_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_matches" ADD CONSTRAINT "need_matches_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_tasks" ADD CONSTRAINT "need_tasks_match_id_need_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."need_matches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_tasks" ADD CONSTRAINT "need_tasks_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_tasks" ADD CONSTRAINT "need_tasks_owner_unit_id_organisations_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_tasks" ADD CONSTRAINT "need_tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_unit_id_organisations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matching_runs_created_idx" ON "matching_runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "need_matches_run_idx" ON "need_matches" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "need_matches_need_idx" ON "need_matches" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "need_matches_resource_idx" ON "need_matches" USING btree ("resource_id");--> statement-breakpoint
CREATE UNIQUE INDEX "need_tasks_match_uq" ON "need_tasks" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "need_tasks_owner_idx" ON "need_tasks" USING btree ("owner_unit_id","status");--> statement-breakpoint
CREATE INDEX "need_tasks_need_idx" ON "need_tasks" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "needs_community_idx" ON "needs" USING btree ("community_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "needs_case_uq" ON "needs" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "resources_unit_idx" ON "resources" USING btree ("unit_id");