/**
 * Campaigns: banners targeted by include / exclude segments, scheduled, capped per user; one-time
 * banners given by scenarios; the in-memory membership of the segments active campaigns use, kept
 * current from goal events.
 */
package io.waymark.campaigns;
