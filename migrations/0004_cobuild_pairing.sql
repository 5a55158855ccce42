CREATE TYPE "public"."pair_source" AS ENUM('optimiser', 'manual', 'pinned');--> statement-breakpoint
CREATE TYPE "public"."pairing_plan_status" AS ENUM('draft', 'adopted', 'superseded');--> statement-breakpoint
CREATE TABLE "pairing_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"status" "pairing_plan_status" DEFAULT 'draft' NOT NULL,
	"settings" jsonb,
	"objective" jsonb,
	"created_by" uuid,
	"adopted_by" uuid,
	"adopted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"community_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"source" "pair_source" DEFAULT 'optimiser' NOT NULL,
	"distance_km" double precision,
	"explanation" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "leader_name" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "leader_title" text;--> statement-breakpoint
ALTER TABLE "pairing_plans" ADD CONSTRAINT "pairing_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_plans" ADD CONSTRAINT "pairing_plans_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_plan_id_pairing_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."pairing_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_unit_id_organisations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pairing_plans_year_idx" ON "pairing_plans" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "pairing_plans_one_adopted_per_year" ON "pairing_plans" USING btree ("year") WHERE "pairing_plans"."status" = 'adopted';--> statement-breakpoint
CREATE UNIQUE INDEX "pairings_plan_unit_community" ON "pairings" USING btree ("plan_id","unit_id","community_id");--> statement-breakpoint
CREATE INDEX "pairings_community_idx" ON "pairings" USING btree ("community_id","year");--> statement-breakpoint
CREATE INDEX "pairings_unit_idx" ON "pairings" USING btree ("unit_id","year");