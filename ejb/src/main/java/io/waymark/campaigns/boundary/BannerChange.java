package io.waymark.campaigns.boundary;

/**
 * A banner as sent by a client: without {@code id} a new banner, with one an existing banner of the
 * campaign.
 */
public record BannerChange(
    Long id,
    String name,
    String position,
    String text,
    String html,
    String background,
    String textColor) {}
