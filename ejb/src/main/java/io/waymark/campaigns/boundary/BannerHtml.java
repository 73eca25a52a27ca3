package io.waymark.campaigns.boundary;

import io.waymark.campaigns.control.BannerSanitizer;

/**
 * Banner HTML as Waymark stores and serves it: cleaned to the banner allow-list (see {@link
 * BannerSanitizer}). Campaigns clean it on save; the console's preview shows the same result.
 */
public final class BannerHtml {

  private BannerHtml() {}

  /** The HTML with only the allowed markup left; null stays null. */
  public static String sanitize(String html) {
    return BannerSanitizer.sanitize(html);
  }
}
