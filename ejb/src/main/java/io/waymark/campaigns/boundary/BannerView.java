package io.waymark.campaigns.boundary;

/**
 * A banner of a campaign; {@code html} is operator-authored, stored cleaned to the banner
 * allow-list ({@link BannerHtml}) and rendered by the client.
 */
public record BannerView(
    long id,
    String name,
    String position,
    String text,
    String html,
    String background,
    String textColor) {}
