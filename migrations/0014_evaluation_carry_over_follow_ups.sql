ALTER TYPE "public"."evaluation_verdict" ADD VALUE 'carried_over';--> statement-breakpoint
CREATE TABLE "evaluation_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"assignee_person_id" uuid,
	"assignee_unit_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"done_at" timestamp with time zone,
	"done_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD COLUMN "carried_from_item_id" uuid;--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD COLUMN "consequence" text;--> statement-breakpoint
ALTER TABLE "evaluation_follow_ups" ADD CONSTRAINT "evaluation_follow_ups_item_id_evaluation_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."evaluation_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_follow_ups" ADD CONSTRAINT "evaluation_follow_ups_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_follow_ups" ADD CONSTRAINT "evaluation_follow_ups_assignee_person_id_people_id_fk" FOREIGN KEY ("assignee_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_follow_ups" ADD CONSTRAINT "evaluation_follow_ups_assignee_unit_id_organisations_id_fk" FOREIGN KEY ("assignee_unit_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_follow_ups_item_idx" ON "evaluation_follow_ups" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "evaluation_follow_ups_case_idx" ON "evaluation_follow_ups" USING btree ("case_id");--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD CONSTRAINT "evaluation_items_carried_from_item_id_evaluation_items_id_fk" FOREIGN KEY ("carried_from_item_id") REFERENCES "public"."evaluation_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_items_carried_from_idx" ON "evaluation_items" USING btree ("carried_from_item_id");