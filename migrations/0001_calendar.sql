CREATE TYPE "public"."calendar_day_kind" AS ENUM('holiday', 'workday');--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"kind" "calendar_day_kind" NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
