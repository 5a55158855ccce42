CREATE TYPE "public"."six_have_item" AS ENUM('guideline', 'cleaningCompany', 'volunteerTeam', 'residentsPact', 'responsibilityBoard', 'culturalFeature');--> statement-breakpoint
CREATE TYPE "public"."six_have_status" AS ENUM('present', 'needs_work', 'missing');--> statement-breakpoint
CREATE TABLE "alley_inspection_items" (
	"inspection_id" uuid NOT NULL,
	"item" "six_have_item" NOT NULL,
	"status" "six_have_status" NOT NULL,
	"note" text,
	CONSTRAINT "alley_inspection_items_inspection_id_item_pk" PRIMARY KEY("inspection_id","item")
);
--> statement-breakpoint
CREATE TABLE "alley_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"inspected_at" timestamp with time zone NOT NULL,
	"inspector_user_id" uuid,
	"inspector_person_id" uuid,
	"score" smallint NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alley_inspections_score_range" CHECK ("alley_inspections"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "alley_region_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"item" "six_have_item" NOT NULL,
	"status" "six_have_status" NOT NULL,
	"evidence_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alley_inspection_items" ADD CONSTRAINT "alley_inspection_items_inspection_id_alley_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."alley_inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alley_inspections" ADD CONSTRAINT "alley_inspections_region_id_alley_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."alley_regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alley_inspections" ADD CONSTRAINT "alley_inspections_inspector_user_id_users_id_fk" FOREIGN KEY ("inspector_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alley_inspections" ADD CONSTRAINT "alley_inspections_inspector_person_id_people_id_fk" FOREIGN KEY ("inspector_person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alley_region_items" ADD CONSTRAINT "alley_region_items_region_id_alley_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."alley_regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alley_inspections_region_at_idx" ON "alley_inspections" USING btree ("region_id","inspected_at");--> statement-breakpoint
CREATE INDEX "alley_inspections_inspector_idx" ON "alley_inspections" USING btree ("inspector_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alley_region_items_region_item_uq" ON "alley_region_items" USING btree ("region_id","item");--> statement-breakpoint
-- The seeded six_haves flags become one item row per region x item (true: present, false: missing).
INSERT INTO "alley_region_items" ("region_id", "item", "status")
SELECT r."id", f.key::"six_have_item", CASE WHEN f.value = 'true'::jsonb THEN 'present' ELSE 'missing' END::"six_have_status"
FROM "alley_regions" r CROSS JOIN LATERAL jsonb_each(r."six_haves") f
WHERE f.key IN ('guideline', 'cleaningCompany', 'volunteerTeam', 'residentsPact', 'responsibilityBoard', 'culturalFeature');--> statement-breakpoint
ALTER TABLE "alley_regions" DROP COLUMN "six_haves";