package io.waymark.platform.security;

import io.waymark.platform.error.WaymarkException;
import java.util.regex.Pattern;

/**
 * Strict parsing of {@code Authorization: Bearer <token>}; every other shape is a malformed header.
 */
public final class BearerToken {

  // RFC 6750 b64token: the characters a bearer token may contain
  private static final Pattern HEADER = Pattern.compile("Bearer ([A-Za-z0-9\\-._~+/]+=*)");

  private BearerToken() {}

  public static String parse(String header) {
    if (header == null || header.isBlank()) {
      throw WaymarkException.notAuthorized("Authorization header is missing");
    }
    var matcher = HEADER.matcher(header.strip());
    if (!matcher.matches()) {
      throw WaymarkException.notAuthorized("Authorization header is malformed");
    }
    return matcher.group(1);
  }
}
