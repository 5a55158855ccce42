CREATE TYPE "public"."need_claim_status" AS ENUM('claimed', 'fulfilled', 'withdrawn');--> statement-breakpoint
CREATE TABLE "need_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" "need_claim_status" DEFAULT 'claimed' NOT NULL,
	"note" text,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"fulfilled_at" timestamp with time zone,
	"fulfilled_by" uuid,
	"service_record_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "need_claims" ADD CONSTRAINT "need_claims_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_claims" ADD CONSTRAINT "need_claims_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_claims" ADD CONSTRAINT "need_claims_fulfilled_by_users_id_fk" FOREIGN KEY ("fulfilled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "need_claims_need_member_uq" ON "need_claims" USING btree ("need_id","member_id");--> statement-breakpoint
CREATE INDEX "need_claims_member_idx" ON "need_claims" USING btree ("member_id");