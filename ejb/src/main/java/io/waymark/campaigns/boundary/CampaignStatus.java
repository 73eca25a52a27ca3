package io.waymark.campaigns.boundary;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Only {@code active} campaigns are shown (and only within their schedule). */
public enum CampaignStatus {
  DRAFT,
  ACTIVE,
  PAUSED,
  ENDED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CampaignStatus> parse(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
  }
}
