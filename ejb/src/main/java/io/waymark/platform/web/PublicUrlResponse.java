package io.waymark.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * A response whose redirects go to the public URL: {@code sendRedirect} and {@code Location}
 * headers (JAX-RS writes its resolved {@code Location} as a header) are rewritten by {@link
 * PublicUrl#location}. Without a public URL a redirect keeps its path only, since the container's
 * own {@code sendRedirect} would prefix the request's {@code Host}.
 */
final class PublicUrlResponse extends HttpServletResponseWrapper {

  private static final String LOCATION = "Location";

  private final PublicUrl publicUrl;
  private final String requestOrigin;
  private final String requestPath;

  PublicUrlResponse(
      HttpServletResponse response, PublicUrl publicUrl, String requestOrigin, String requestPath) {
    super(response);
    this.publicUrl = publicUrl;
    this.requestOrigin = requestOrigin;
    this.requestPath = requestPath;
  }

  private String rewritten(String location) {
    return publicUrl.location(location, requestOrigin, requestPath);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    String target = rewritten(location);
    if (!target.startsWith("/")) {
      super.sendRedirect(target); // absolute: the container sends it unchanged
      return;
    }
    if (isCommitted()) {
      throw new IllegalStateException("Cannot redirect: the response is already committed");
    }
    resetBuffer();
    setStatus(SC_FOUND);
    super.setHeader(LOCATION, target);
    flushBuffer();
  }

  @Override
  public void setHeader(String name, String value) {
    super.setHeader(name, LOCATION.equalsIgnoreCase(name) ? rewritten(value) : value);
  }

  @Override
  public void addHeader(String name, String value) {
    super.addHeader(name, LOCATION.equalsIgnoreCase(name) ? rewritten(value) : value);
  }
}
