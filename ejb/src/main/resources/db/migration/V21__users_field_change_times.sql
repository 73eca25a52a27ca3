-- Issue 17: the users store keeps, per user, when each field last changed (integrations sync by it).
alter table users add column field_changed_at jsonb not null default '{}'::jsonb;
