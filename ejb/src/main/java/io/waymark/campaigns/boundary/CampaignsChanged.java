package io.waymark.campaigns.boundary;

/**
 * A campaign that is or was active changed (status, schedule, segments). Fired inside the
 * transaction.
 */
public record CampaignsChanged(long campaignId) {}
