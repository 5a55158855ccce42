DROP INDEX "cases_reporter_person_idx";--> statement-breakpoint
DROP INDEX "cases_reporter_user_idx";--> statement-breakpoint
CREATE INDEX "cases_reporter_person_idx" ON "cases" USING btree ("reporter_person_id") WHERE "cases"."reporter_person_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_reporter_user_idx" ON "cases" USING btree ("reporter_user_id") WHERE "cases"."reporter_user_id" is not null;