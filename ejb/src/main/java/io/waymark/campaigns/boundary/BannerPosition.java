package io.waymark.campaigns.boundary;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where the client places a banner. */
public enum BannerPosition {
  TOP,
  BOTTOM,
  CENTER,
  CORNER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<BannerPosition> parse(String id) {
    return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
  }
}
