package io.waymark.platform.api;

import io.waymark.platform.web.PublicUrlFilter;
import jakarta.servlet.annotation.WebFilter;

/**
 * The API's {@code Location} headers and redirects point at {@code waymark.public-url}: JAX-RS
 * resolves a relative {@code Location} against the request's base URI, i.e. its {@code Host}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ApiPublicUrlFilter extends PublicUrlFilter {

  private static final long serialVersionUID = 1L;
}
