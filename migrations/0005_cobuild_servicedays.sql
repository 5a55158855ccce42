CREATE TYPE "public"."service_day_checkin_method" AS ENUM('qr', 'staff');--> statement-breakpoint
CREATE TYPE "public"."service_day_status" AS ENUM('scheduled', 'held', 'cancelled');--> statement-breakpoint
CREATE TABLE "service_day_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"unit_id" uuid,
	"method" "service_day_checkin_method" NOT NULL,
	"checked_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_in_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "service_day_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day_id" uuid NOT NULL,
	"path" text NOT NULL,
	"thumb_path" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_day_signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"headcount" integer NOT NULL,
	"note" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"date" date NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"theme" text NOT NULL,
	"kind_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "service_day_status" DEFAULT 'scheduled' NOT NULL,
	"cancel_reason" text,
	"checkin_token" text NOT NULL,
	"people_served" integer,
	"summary" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_day_checkins" ADD CONSTRAINT "service_day_checkins_day_id_service_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."service_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_day_checkins" ADD CONSTRAINT "service_day_checkins_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_day_checkins" ADD CONSTRAINT "service_day_checkins_unit_id_organisations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_day_checkins" ADD CONSTRAINT "service_day_checkins_checked_in_by_user_id_users_id_fk" FOREIGN KEY ("checked_in_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_day_photos" ADD CONSTRAINT "service_day_photos_day_id_service_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."service_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_day_photos" ADD CONSTRAINT "service_day_photos_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_day_signups" ADD CONSTRAINT "service_day_signups_day_id_service_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."service_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_day_signups" ADD CONSTRAINT "service_day_signups_unit_id_organisations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_day_signups" ADD CONSTRAINT "service_day_signups_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_days" ADD CONSTRAINT "service_days_community_id_organisations_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_days" ADD CONSTRAINT "service_days_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_day_checkins_day_member" ON "service_day_checkins" USING btree ("day_id","member_id");--> statement-breakpoint
CREATE INDEX "service_day_checkins_unit_idx" ON "service_day_checkins" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "service_day_photos_day_idx" ON "service_day_photos" USING btree ("day_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_day_signups_day_unit" ON "service_day_signups" USING btree ("day_id","unit_id");--> statement-breakpoint
CREATE INDEX "service_day_signups_unit_idx" ON "service_day_signups" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_days_checkin_token" ON "service_days" USING btree ("checkin_token");--> statement-breakpoint
CREATE INDEX "service_days_community_date_idx" ON "service_days" USING btree ("community_id","date");--> statement-breakpoint
CREATE INDEX "service_days_date_idx" ON "service_days" USING btree ("date");