CREATE TYPE "public"."committee_role" AS ENUM('head', 'deputy', 'member');--> statement-breakpoint
CREATE TABLE "party_committee_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"community_id" uuid NOT NULL,
	"member_key" text NOT NULL,
	"unit_id" uuid,
	"role" "committee_role",
	"name" text,
	"title" text,
	"removed" boolean DEFAULT false NOT NULL,
	"sort" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "party_committee_members" ADD CONSTRAINT "party_committee_members_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_committee_members" ADD CONSTRAINT "party_committee_members_unit_id_organisations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "party_committee_members_key" ON "party_committee_members" USING btree ("year","community_id","member_key");