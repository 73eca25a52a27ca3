package io.waymark.platform.api;

/** Names of the request properties the platform filters hand to each other and to resources. */
public final class RequestContextKeys {
  /** The authorised {@code ApiCaller} or {@code UserView}. */
  public static final String CALLER = "waymark.caller";

  /** The presented token's SHA-256 (hex): the scope of Idempotency-Keys. */
  public static final String SCOPE = "waymark.scope";

  /** The raw bearer token, for user-token endpoints (logout). */
  public static final String TOKEN = "waymark.token";

  /** The client address, set by the servlet filter in front of the API. */
  public static final String REMOTE_ADDRESS = "waymark.remote-address";

  private RequestContextKeys() {}
}
