package io.waymark.platform.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * TRACE reaches the applications (the HTTP listener's {@code trace-enabled}, so that it is answered
 * in each module's own form instead of the connector's empty 405) and is refused here for
 * everything under this module's root — the console, its resources and the server's own endpoints
 * served there ({@code /health}, {@code /metrics}, {@code /openapi}), which would otherwise echo
 * the request back. The API's TRACE is JAX-RS's 405 in the error shape.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TraceRefusal extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("TRACE".equalsIgnoreCase(request.getMethod())) {
      response.setHeader("Allow", "GET, HEAD, POST");
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    chain.doFilter(request, response);
  }
}
