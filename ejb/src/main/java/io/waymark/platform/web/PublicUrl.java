package io.waymark.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * {@code waymark.public-url}: the scheme, host and port under which users reach Waymark (for
 * instance the TLS proxy's {@code https://waymark.example.com}). Redirects are built from it, never
 * from the request's {@code Host} header, which any client can forge. Only an origin is accepted —
 * no path, query or fragment — because the console's links start at {@code /}: a proxy must serve
 * Waymark at the root of its host. Unset, redirects carry the path only ({@code Location:
 * /login.xhtml}), which browsers resolve against the address they used.
 */
public final class PublicUrl {

  public static final String KEY = "waymark.public-url";

  /** No public URL configured: redirects are relative. */
  public static final PublicUrl RELATIVE = new PublicUrl(null);

  private final String origin;

  private PublicUrl(String origin) {
    this.origin = origin;
  }

  /**
   * Parses the setting (blank = {@link #RELATIVE}); throws {@link IllegalArgumentException} saying
   * what is wrong with it.
   */
  public static PublicUrl parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return RELATIVE;
    }
    String text = setting.strip();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid(text, "is not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(text, "must be an absolute http:// or https:// URL");
    }
    if (uri.getHost() == null) {
      throw invalid(text, "has no host name");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid(text, "must not contain a user name or password");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(text, "must not have a query or a fragment");
    }
    String path = uri.getRawPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      throw invalid(
          text,
          "must not have a path: the console's links start at '/', so the proxy must serve"
              + " Waymark at the root of its host");
    }
    return new PublicUrl(origin(scheme, uri.getHost(), uri.getPort()));
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException(
        KEY + " '" + text + "' " + reason + ", e.g. https://waymark.example.com");
  }

  /** {@code scheme://host[:port]}, lower case, without the scheme's default port. */
  static String origin(String scheme, String host, int port) {
    String s = scheme.toLowerCase(Locale.ROOT);
    boolean defaultPort =
        port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
    String h = host.toLowerCase(Locale.ROOT);
    if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
      h = "[" + h + "]"; // an IPv6 literal
    }
    return s + "://" + h + (defaultPort ? "" : ":" + port);
  }

  public boolean isSet() {
    return origin != null;
  }

  /**
   * Where a browser is sent for this server's path ({@code /admin/x.xhtml?y=1}): the public URL
   * with the path, or the path alone when none is configured.
   */
  public String resolve(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("not a path from the root: " + path);
    }
    return origin == null ? path : origin + path;
  }

  /**
   * A {@code Location} as the application or the container wrote it, made to point at the public
   * URL: a path (or a path relative to {@code requestPath}) is resolved on the public URL; an
   * absolute URL on the request's own origin ({@code requestOrigin}, i.e. built from its {@code
   * Host} header) gets the public URL's origin instead. An absolute URL to another site is left as
   * it is.
   */
  public String location(String location, String requestOrigin, String requestPath) {
    if (location == null || location.isEmpty()) {
      return location;
    }
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException e) {
      return location; // not ours to repair; the container sends it as given
    }
    if (uri.getScheme() == null && uri.getRawAuthority() == null) {
      String path = location.startsWith("/") ? location : resolveAgainst(requestPath, uri);
      return resolve(path);
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      return location; // scheme-relative (//host/x): names another site explicitly
    }
    String target = origin(uri.getScheme(), uri.getHost(), uri.getPort());
    if (!target.equals(requestOrigin)) {
      return location;
    }
    StringBuilder rest = new StringBuilder(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (rest.isEmpty()) {
      rest.append('/');
    }
    if (uri.getRawQuery() != null) {
      rest.append('?').append(uri.getRawQuery());
    }
    if (uri.getRawFragment() != null) {
      rest.append('#').append(uri.getRawFragment());
    }
    return resolve(rest.toString());
  }

  private static String resolveAgainst(String requestPath, URI relative) {
    String base = requestPath == null || !requestPath.startsWith("/") ? "/" : requestPath;
    try {
      return new URI(base).resolve(relative).toString();
    } catch (URISyntaxException e) {
      return URI.create("/").resolve(relative).toString();
    }
  }

  @Override
  public String toString() {
    return origin == null ? "(unset: relative redirects)" : origin;
  }
}
