package io.waymark.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Reads {@code waymark.public-url} and {@code waymark.proxy.trusted} when the application starts,
 * so that a wrong value stops the deployment with a message naming the key instead of failing the
 * first request.
 */
@Startup
@Singleton
public class HttpEdgeCheck {

  private static final System.Logger LOG = System.getLogger(HttpEdgeCheck.class.getName());

  @Inject HttpEdge edge;

  @PostConstruct
  void check() {
    LOG.log(
        Level.INFO,
        "Redirects to {0}={1}; {2} {3}",
        PublicUrl.KEY,
        edge.publicUrl(),
        TrustedProxies.KEY,
        edge.trustedProxies().isEmpty() ? "unset (X-Forwarded-For ignored)" : "set");
  }
}
