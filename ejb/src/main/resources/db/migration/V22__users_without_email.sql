-- Issue 17 item 5: a user needs an email or a phone number (SPEC §7a), so the email may be null
-- (SMS-only users arrive with the SMS module and the import). The users store refuses removing the
-- last one; lower(email) stays unique where present.
alter table users alter column email drop not null;
