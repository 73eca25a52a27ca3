package io.waymark.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that says who the client is and where a browser is sent: {@link PublicUrl} and
 * {@link TrustedProxies} read from configuration (checked at start by {@link HttpEdgeCheck}). The
 * console and the API ask it for the client address and wrap their responses with it, so that no
 * redirect is built from the request's {@code Host} header.
 */
@ApplicationScoped
public class HttpEdge {

  @Inject
  @ConfigProperty(name = PublicUrl.KEY)
  Optional<String> publicUrlSetting;

  @Inject
  @ConfigProperty(name = TrustedProxies.KEY)
  Optional<String> trustedSetting;

  private PublicUrl publicUrl;
  private TrustedProxies proxies;

  @PostConstruct
  void read() {
    publicUrl = PublicUrl.parse(publicUrlSetting.orElse(null));
    proxies = TrustedProxies.parse(trustedSetting.orElse(null));
  }

  /** An edge with these settings, outside the container (tests). */
  public static HttpEdge of(String publicUrl, String trustedProxies) {
    HttpEdge edge = new HttpEdge();
    edge.publicUrlSetting = Optional.ofNullable(publicUrl);
    edge.trustedSetting = Optional.ofNullable(trustedProxies);
    edge.read();
    return edge;
  }

  public PublicUrl publicUrl() {
    return publicUrl;
  }

  public TrustedProxies trustedProxies() {
    return proxies;
  }

  /**
   * The client's address: the connection's peer, or behind a trusted proxy the address it forwarded
   * ({@link TrustedProxies#clientAddress}).
   */
  public String clientAddress(HttpServletRequest request) {
    return proxies.clientAddress(
        request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  /**
   * Redirects to {@code location} on the public URL — without one, to the path alone — whether or
   * not {@code response} is already wrapped: for code that runs before the wrapping filter (the
   * authentication mechanism, other filters), where the container's own {@code sendRedirect} would
   * prefix the request's {@code Host}.
   */
  public void redirect(HttpServletRequest request, HttpServletResponse response, String location)
      throws java.io.IOException {
    redirectingToPublicUrl(request, response).sendRedirect(location);
  }

  /** The response whose redirects and {@code Location} headers point at the public URL. */
  public HttpServletResponse redirectingToPublicUrl(
      HttpServletRequest request, HttpServletResponse response) {
    return new PublicUrlResponse(
        response,
        publicUrl,
        PublicUrl.origin(request.getScheme(), request.getServerName(), request.getServerPort()),
        request.getRequestURI());
  }
}
