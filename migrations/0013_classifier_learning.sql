CREATE TYPE "public"."classifier_model_status" AS ENUM('training', 'active', 'retired', 'rejected', 'failed');--> statement-breakpoint
ALTER TYPE "public"."dispatch_status" ADD VALUE 'reopened';--> statement-breakpoint
CREATE TABLE "case_category_corrections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_category_corrections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"text" text NOT NULL,
	"suggested_code" text,
	"corrected_code" text NOT NULL,
	"corrected_by_user_id" uuid,
	"corrected_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classifier_models" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "classifier_models_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"status" "classifier_model_status" DEFAULT 'training' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"requested_by_user_id" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"activated_at" timestamp with time zone,
	"shipped_examples" integer DEFAULT 0 NOT NULL,
	"corrections" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer,
	"metrics" jsonb,
	"baseline_metrics" jsonb,
	"model" "bytea",
	"error" text
);
--> statement-breakpoint
CREATE TABLE "case_ratings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_ratings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"satisfaction" "satisfaction" NOT NULL,
	"comment" text,
	"by_phone_visit" boolean DEFAULT false NOT NULL,
	"rated_by_user_id" uuid,
	"rated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_category_corrections" ADD CONSTRAINT "case_category_corrections_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_category_corrections" ADD CONSTRAINT "case_category_corrections_corrected_code_case_categories_code_fk" FOREIGN KEY ("corrected_code") REFERENCES "public"."case_categories"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_category_corrections" ADD CONSTRAINT "case_category_corrections_corrected_by_user_id_users_id_fk" FOREIGN KEY ("corrected_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classifier_models" ADD CONSTRAINT "classifier_models_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_ratings" ADD CONSTRAINT "case_ratings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_category_corrections_case_uq" ON "case_category_corrections" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_category_corrections_at_idx" ON "case_category_corrections" USING btree ("corrected_at");--> statement-breakpoint
CREATE UNIQUE INDEX "classifier_models_active_uq" ON "classifier_models" USING btree ("status") WHERE "classifier_models"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "classifier_models_training_uq" ON "classifier_models" USING btree ("status") WHERE "classifier_models"."status" = 'training';--> statement-breakpoint
CREATE UNIQUE INDEX "case_ratings_case_round_uq" ON "case_ratings" USING btree ("case_id","round");--> statement-breakpoint
CREATE INDEX "case_ratings_rated_at_idx" ON "case_ratings" USING btree ("rated_at");