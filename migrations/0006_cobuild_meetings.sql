CREATE TYPE "public"."joint_meeting_agenda_source" AS ENUM('follow_up', 'overdue_case', 'open_need', 'delayed_project', 'manual');--> statement-breakpoint
CREATE TYPE "public"."joint_meeting_invitation_response" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."joint_meeting_invitation_source" AS ENUM('paired', 'extra');--> statement-breakpoint
CREATE TYPE "public"."joint_meeting_status" AS ENUM('proposed', 'scheduled', 'held', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."meeting_task_status" AS ENUM('open', 'in_progress', 'done', 'cancelled');--> statement-breakpoint
CREATE TABLE "joint_meeting_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"source" "joint_meeting_agenda_source" NOT NULL,
	"ref_id" uuid,
	"title" text NOT NULL,
	"detail" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"progress_note" text,
	"task_status_at_meeting" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_meeting_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"source" "joint_meeting_invitation_source" DEFAULT 'paired' NOT NULL,
	"response" "joint_meeting_invitation_response" DEFAULT 'pending' NOT NULL,
	"response_note" text,
	"responded_at" timestamp with time zone,
	"attended" boolean DEFAULT false NOT NULL,
	"attendees" text[] DEFAULT '{}'::text[] NOT NULL,
	"checked_in_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" smallint NOT NULL,
	"status" "joint_meeting_status" DEFAULT 'proposed' NOT NULL,
	"meeting_date" text NOT NULL,
	"place" text,
	"minutes" text,
	"cancel_reason" text,
	"held_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"content" text NOT NULL,
	"deadline" text NOT NULL,
	"status" "meeting_task_status" DEFAULT 'open' NOT NULL,
	"completion_note" text,
	"completed_on" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "joint_meeting_agenda_items" ADD CONSTRAINT "joint_meeting_agenda_items_meeting_id_joint_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."joint_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_meeting_units" ADD CONSTRAINT "joint_meeting_units_meeting_id_joint_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."joint_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_meeting_units" ADD CONSTRAINT "joint_meeting_units_unit_id_organisations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_meeting_units" ADD CONSTRAINT "joint_meeting_units_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_meetings" ADD CONSTRAINT "joint_meetings_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_meetings" ADD CONSTRAINT "joint_meetings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_tasks" ADD CONSTRAINT "meeting_tasks_meeting_id_joint_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."joint_meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_tasks" ADD CONSTRAINT "meeting_tasks_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_tasks" ADD CONSTRAINT "meeting_tasks_owner_unit_id_organisations_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_tasks" ADD CONSTRAINT "meeting_tasks_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "joint_meeting_agenda_meeting_idx" ON "joint_meeting_agenda_items" USING btree ("meeting_id","sort");--> statement-breakpoint
CREATE UNIQUE INDEX "joint_meeting_agenda_ref_uq" ON "joint_meeting_agenda_items" USING btree ("meeting_id","source","ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "joint_meeting_units_meeting_unit_uq" ON "joint_meeting_units" USING btree ("meeting_id","unit_id");--> statement-breakpoint
CREATE INDEX "joint_meeting_units_unit_idx" ON "joint_meeting_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "joint_meetings_community_quarter_uq" ON "joint_meetings" USING btree ("community_id","year","quarter");--> statement-breakpoint
CREATE INDEX "joint_meetings_year_quarter_idx" ON "joint_meetings" USING btree ("year","quarter");--> statement-breakpoint
CREATE INDEX "meeting_tasks_meeting_idx" ON "meeting_tasks" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_tasks_owner_idx" ON "meeting_tasks" USING btree ("owner_unit_id","status");--> statement-breakpoint
CREATE INDEX "meeting_tasks_community_idx" ON "meeting_tasks" USING btree ("community_id","status");--> statement-breakpoint
CREATE INDEX "meeting_tasks_deadline_idx" ON "meeting_tasks" USING btree ("deadline");