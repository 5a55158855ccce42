CREATE TYPE "public"."alley_task_state" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE TABLE "alley_item_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"item" "six_have_item" NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"path" text NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alley_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"item" "six_have_item" NOT NULL,
	"state" "alley_task_state" DEFAULT 'open' NOT NULL,
	"due_on" date NOT NULL,
	"opened_by_inspection_id" uuid NOT NULL,
	"note" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_by_inspection_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alley_region_items" ADD COLUMN "company_name" text;--> statement-breakpoint
ALTER TABLE "alley_region_items" ADD COLUMN "company_phone" text;--> statement-breakpoint
ALTER TABLE "alley_region_items" ADD COLUMN "contract_until" date;--> statement-breakpoint
ALTER TABLE "alley_region_items" ADD COLUMN "volunteer_team_id" uuid;--> statement-breakpoint
ALTER TABLE "alley_item_documents" ADD CONSTRAINT "alley_item_documents_region_id_alley_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."alley_regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alley_item_documents" ADD CONSTRAINT "alley_item_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alley_tasks" ADD CONSTRAINT "alley_tasks_region_id_alley_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."alley_regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alley_tasks" ADD CONSTRAINT "alley_tasks_opened_by_inspection_id_alley_inspections_id_fk" FOREIGN KEY ("opened_by_inspection_id") REFERENCES "public"."alley_inspections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alley_tasks" ADD CONSTRAINT "alley_tasks_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alley_tasks" ADD CONSTRAINT "alley_tasks_closed_by_inspection_id_alley_inspections_id_fk" FOREIGN KEY ("closed_by_inspection_id") REFERENCES "public"."alley_inspections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alley_item_documents_region_item_idx" ON "alley_item_documents" USING btree ("region_id","item");--> statement-breakpoint
CREATE UNIQUE INDEX "alley_tasks_open_uq" ON "alley_tasks" USING btree ("region_id","item") WHERE "alley_tasks"."state" = 'open';--> statement-breakpoint
CREATE INDEX "alley_tasks_state_due_idx" ON "alley_tasks" USING btree ("state","due_on");--> statement-breakpoint
CREATE INDEX "alley_tasks_region_idx" ON "alley_tasks" USING btree ("region_id","created_at");--> statement-breakpoint
ALTER TABLE "alley_region_items" ADD CONSTRAINT "alley_region_items_volunteer_team_id_volunteer_teams_id_fk" FOREIGN KEY ("volunteer_team_id") REFERENCES "public"."volunteer_teams"("id") ON DELETE set null ON UPDATE no action;