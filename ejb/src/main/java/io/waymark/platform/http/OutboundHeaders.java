package io.waymark.platform.http;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which request headers a caller (or an operator's stored webhook headers) may set: not the
 * hop-by-hop headers of RFC 9110 §7.6.1, nor {@code Host} and the framing headers the client
 * computes — setting those would let a stored header steer the connection rather than the request.
 */
public final class OutboundHeaders {

  private static final Set<String> REFUSED =
      Set.of(
          "host",
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authorization",
          "proxy-authenticate",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "content-length",
          "expect");

  private OutboundHeaders() {}

  /** Why this header name may not be sent; empty when it may. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty() || !name.chars().allMatch(OutboundHeaders::tokenChar)) {
      return Optional.of("'" + name + "' is not a valid header name");
    }
    if (REFUSED.contains(name.toLowerCase(Locale.ROOT))) {
      return Optional.of(
          "header '"
              + name
              + "' is set by the HTTP client (hop-by-hop, Host or framing) and refused");
    }
    return Optional.empty();
  }

  /** Why this header value may not be sent (line breaks would split the request); empty if fine. */
  public static Optional<String> valueProblem(String name, String value) {
    if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
      return Optional.of("header '" + name + "' has a line break or NUL in its value");
    }
    return Optional.empty();
  }

  private static boolean tokenChar(int c) {
    return c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
  }
}
