package io.waymark.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Wraps every response of a web module so that its redirects point at the public URL ({@link
 * HttpEdge#redirectingToPublicUrl}). Each WAR maps it with a subclass annotated {@code @WebFilter}
 * on {@code /*}: JSF navigation redirects, {@code ExternalContext.redirect} and JAX-RS {@code
 * Location} headers all happen inside the chain.
 */
public abstract class PublicUrlFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient HttpEdge edge;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, edge.redirectingToPublicUrl(request, response));
  }
}
