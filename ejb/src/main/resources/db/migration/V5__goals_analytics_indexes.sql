-- Goal analytics (GoalAnalytics), measured with EXPLAIN ANALYZE on 3M user-goal rows of 20 goals, two years of
-- history (PostgreSQL 15):
--
-- The goals list counts, for every goal at once, the rows completed in the last 31 days and the active ones.
-- user_onboarding_goals_completed_idx leads with the goal, so "completed_at > now - 31 days" over all goals was a
-- seq scan of the table (0.8 s); with this index the planner ORs it with user_onboarding_goals_one_active_uq (the
-- active rows) in one bitmap scan that reads only recent and active rows (0.4 s, less with a longer history).
create index user_onboarding_goals_completed_at_idx on user_onboarding_goals (completed_at)
  where completed_at is not null;

-- One goal's page reads all of that goal's rows: distinct users and completed users (completion rate), its
-- counters, and completed rows by user (time to complete). No index led with the goal for every row, so each was a
-- seq scan of the whole table (0.5-0.9 s); with this one they are index-only scans of the goal's entries (65 ms).
create index user_onboarding_goals_goal_user_idx on user_onboarding_goals (onboarding_goal_id, user_id)
  include (completed_at, timedout_at);
