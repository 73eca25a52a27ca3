package io.waymark.platform.api;

import io.waymark.platform.api.Endpoint.Body;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.web.HttpEdge;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * In front of the JAX-RS API. Bodies of JSON endpoints are JSON whatever the Content-Type header
 * says — documented clients send {@code application/javascript} or the invalid {@code
 * type=application/json} — so the header is replaced before JAX-RS parses it (only form posts,
 * which login accepts, keep theirs), and they only ever produce JSON. The endpoint's declared body
 * ({@link Endpoint.Body}, found by {@link ApiResourceRegistry#bodyOf} before JAX-RS matched it)
 * changes that: an XML endpoint's body is XML whatever the header says, and it answers with the
 * type it sets; a multipart endpoint keeps the header as sent (its boundary is in it). Also records
 * the client address (behind a trusted proxy the one it forwarded: {@link HttpEdge#clientAddress}),
 * and rolls back a transaction a request left open.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ApiServletFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(ApiServletFilter.class.getName());
  static final String FORM = "application/x-www-form-urlencoded";

  @Inject transient HttpEdge edge;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    request.setAttribute(RequestContextKeys.REMOTE_ADDRESS, edge.clientAddress(request));
    List<FieldError> nul = nulParameters(request.getQueryString());
    if (!nul.isEmpty()) {
      // PostgreSQL cannot store or compare a text with U+0000: refused here for every endpoint
      WaymarkException refused = WaymarkException.payloadError(nul);
      response.setStatus(refused.status());
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(ErrorBodies.body(refused).toString());
      return;
    }
    try {
      chain.doFilter(asDeclared(request), response);
    } finally {
      rollBackLeftovers();
    }
  }

  /** The query parameters whose name or value has an encoded NUL ({@code %00}), by name. */
  static List<FieldError> nulParameters(String query) {
    List<FieldError> found = new ArrayList<>();
    if (query == null || !query.contains("%00")) {
      return found;
    }
    for (String pair : query.split("&")) {
      if (pair.contains("%00")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        found.add(new FieldError(name.replace("%00", ""), JsonBody.NUL_MESSAGE));
      }
    }
    return found;
  }

  @Resource UserTransaction tx;

  private void rollBackLeftovers() {
    try {
      if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        LOG.log(Level.WARNING, "Rolling back a transaction left open by an API request");
        tx.rollback();
      }
    } catch (jakarta.transaction.SystemException | RuntimeException e) {
      LOG.log(Level.DEBUG, "No transaction to check", e);
    }
  }

  /** The request with the Content-Type and Accept headers its endpoint's body format calls for. */
  static HttpServletRequest asDeclared(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
    return declared(request, ApiResourceRegistry.bodyOf(request.getMethod(), path));
  }

  static HttpServletRequest declared(HttpServletRequest request, Set<Body> body) {
    if (body.contains(Body.XML)) {
      // any Content-Type (SPEC §7); the endpoint sets the type of each answer itself
      return new DeclaredRequest(request, "application/xml", "*/*");
    }
    if (body.contains(Body.MULTIPART)) {
      return new DeclaredRequest(request, null, "application/json");
    }
    String raw = request.getContentType();
    boolean form = raw != null && raw.toLowerCase(Locale.ROOT).strip().startsWith(FORM);
    return new DeclaredRequest(request, form ? FORM : "application/json", "application/json");
  }

  /** A request whose Content-Type (unless null: as sent) and Accept headers are replaced. */
  static final class DeclaredRequest extends HttpServletRequestWrapper {
    private final String contentType;
    private final String accept;

    DeclaredRequest(HttpServletRequest request, String contentType, String accept) {
      super(request);
      this.contentType = contentType;
      this.accept = accept;
    }

    @Override
    public String getContentType() {
      return contentType == null ? super.getContentType() : contentType;
    }

    @Override
    public String getHeader(String name) {
      if ("content-type".equalsIgnoreCase(name) && contentType != null) {
        return contentType;
      }
      if ("accept".equalsIgnoreCase(name)) {
        return accept;
      }
      return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      if (("content-type".equalsIgnoreCase(name) && contentType != null)
          || "accept".equalsIgnoreCase(name)) {
        return Collections.enumeration(java.util.List.of(getHeader(name)));
      }
      return super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      java.util.Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      names.addAll(Collections.list(super.getHeaderNames()));
      if (contentType != null) {
        names.add("Content-Type");
      }
      names.add("Accept");
      return Collections.enumeration(names);
    }
  }
}
