CREATE TABLE "rate_limit_hits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "runs" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "ran_by" text;--> statement-breakpoint
-- Everything below is hand-written (drizzle-kit generates tables only): session invalidation across processes.
-- Each app process caches resolved sessions for a few seconds (modules/auth/auth.sessions.ts) and LISTENs on
-- lianjian_sessions (src/server.ts). A change to what a cached session stands for — the session row deleted (logout,
-- password change, expiry), the user's account changed (password, disabled, name, locale) or their role bindings —
-- NOTIFYs the user id from the writing transaction itself, so every writer is covered (the app, a script, psql), and
-- PostgreSQL delivers it at commit, to every process, never for a rolled-back change. Duplicate notices in one
-- transaction are folded into one by PostgreSQL.
CREATE FUNCTION lianjian_notify_session_user() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('lianjian_sessions', (to_jsonb(OLD) ->> TG_ARGV[0]));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('lianjian_sessions', (to_jsonb(NEW) ->> TG_ARGV[0]));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER sessions_notify AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION lianjian_notify_session_user('user_id');--> statement-breakpoint
CREATE TRIGGER users_notify AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION lianjian_notify_session_user('id');--> statement-breakpoint
CREATE TRIGGER role_bindings_notify AFTER INSERT OR UPDATE OR DELETE ON role_bindings
  FOR EACH ROW EXECUTE FUNCTION lianjian_notify_session_user('user_id');
