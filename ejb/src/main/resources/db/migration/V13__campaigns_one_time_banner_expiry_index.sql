-- The hourly purge of one-time banners long expired (OneTimeBannerSweeper) finds them through this index instead of
-- reading the whole table, which grows with every banner a scenario gives.
create index campaign_one_time_banners_expires_idx on campaign_one_time_banners (expires_at);
