package io.waymark.campaigns.boundary;

/** A banner a user should see now. */
public record UserBanner(
    long id,
    long campaignId,
    String position,
    String text,
    String html,
    String background,
    String textColor) {}
