ALTER TYPE "public"."dispatch_status" ADD VALUE 'declined';--> statement-breakpoint
ALTER TABLE "case_dispatches" ADD COLUMN "cross_community" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_dispatches" ADD COLUMN "cross_community_reason" text;--> statement-breakpoint
ALTER TABLE "case_dispatches" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_dispatches" ADD COLUMN "proxy_acknowledged_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "case_dispatches" ADD COLUMN "proxy_reason" text;--> statement-breakpoint
CREATE INDEX "case_dispatches_cross_idx" ON "case_dispatches" USING btree ("dispatched_at") WHERE "case_dispatches"."cross_community";