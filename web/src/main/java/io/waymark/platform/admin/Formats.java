package io.waymark.platform.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Formatting for pages ({@code #{formats.instant(user.createdAt)}}, lists); Faces has no converter
 * for Instant.
 */
@Named
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  public String instant(Instant instant) {
    return instant == null ? "" : UTC.format(instant);
  }

  /** {@code a, b, c}; empty for none. */
  public String list(Collection<?> values) {
    return values == null
        ? ""
        : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
