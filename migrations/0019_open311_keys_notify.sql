-- Hand-written (drizzle-kit --custom). A revoked Open311 key is refused at once by every process, not after the keys'
-- 5-second cache: a change to what a key means (revoked, key, limit, name) or a deleted client NOTIFYs
-- lianjian_sessions with the client's own user id (the system user it acts as), as a change to any user's account
-- does (migrations/0018), and each process's listener drops that user's cached keys (open311.keys.ts, wired in
-- src/server.ts). The last-use stamp (written once a minute) notifies nobody.
CREATE TRIGGER open311_clients_notify_update AFTER UPDATE ON open311_clients
  FOR EACH ROW
  WHEN ((OLD.revoked_at, OLD.key_hash, OLD.requests_per_minute, OLD.name, OLD.user_id)
    IS DISTINCT FROM (NEW.revoked_at, NEW.key_hash, NEW.requests_per_minute, NEW.name, NEW.user_id))
  EXECUTE FUNCTION lianjian_notify_session_user('user_id');--> statement-breakpoint
CREATE TRIGGER open311_clients_notify_delete AFTER DELETE ON open311_clients
  FOR EACH ROW EXECUTE FUNCTION lianjian_notify_session_user('user_id');
