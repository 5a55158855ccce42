CREATE TABLE "alley_item_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"item" "six_have_item" NOT NULL,
	"path" text NOT NULL,
	"thumb_path" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alley_item_photos" ADD CONSTRAINT "alley_item_photos_region_id_alley_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."alley_regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alley_item_photos" ADD CONSTRAINT "alley_item_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alley_item_photos_region_item_idx" ON "alley_item_photos" USING btree ("region_id","item");