package io.waymark.platform.admin;

import io.waymark.platform.web.PublicUrlFilter;
import jakarta.servlet.annotation.WebFilter;

/**
 * The console's redirects point at {@code waymark.public-url}, never at the {@code Host} header.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ConsolePublicUrlFilter extends PublicUrlFilter {

  private static final long serialVersionUID = 1L;
}
