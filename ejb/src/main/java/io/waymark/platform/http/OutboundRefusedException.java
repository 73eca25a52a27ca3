package io.waymark.platform.http;

import java.net.UnknownHostException;

/**
 * A connection the {@link OutboundGuard} refused. An {@link UnknownHostException} because it is
 * thrown where names are resolved, so the HTTP client fails the call without connecting anywhere.
 */
public final class OutboundRefusedException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  public OutboundRefusedException(String reason) {
    super("refused by the outbound guard: " + reason);
  }
}
