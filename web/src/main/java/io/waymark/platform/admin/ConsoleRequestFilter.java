package io.waymark.platform.admin;

import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.web.HttpEdge;
import io.waymark.users.boundary.UserView;
import io.waymark.users.boundary.Users;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * In front of every console page and the login page:
 *
 * <ul>
 *   <li>every POST must carry the session's CSRF token ({@code _csrf} form field or {@code
 *       X-CSRF-Token} header), else it is refused before JSF sees it (403; a POST whose session is
 *       gone is sent back to the login page);
 *   <li>a signed-in user whose account was deactivated or whose roles changed since login is signed
 *       out at the next request, so a demoted admin does not keep admin rights until the session
 *       times out;
 *   <li>only GET, HEAD and POST reach a page (405 on the console's error page otherwise);
 *   <li>pages may not be framed (clickjacking) nor stored by caches (a new API token's secret is on
 *       one).
 * </ul>
 */
@WebFilter(urlPatterns = {"/admin/*", ConsoleSecurity.LOGIN_PAGE})
public class ConsoleRequestFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(ConsoleRequestFilter.class.getName());
  private static final List<String> CONSOLE_METHODS = List.of("GET", "HEAD", "POST");
  private static final List<String> ROLES =
      List.of(ConsoleRoles.ADMIN, ConsoleRoles.EDITOR, ConsoleRoles.VIEWER);

  @Inject Users users;

  @Inject HttpEdge edge;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getCharacterEncoding() == null) {
      request.setCharacterEncoding(
          "UTF-8"); // before the first getParameter, or JSF can no longer set it
    }
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    if (!CONSOLE_METHODS.contains(request.getMethod())) {
      // JSF would render a page for any method (DELETE, PUT, PROPFIND, ...): the console has forms
      response.setHeader("Allow", String.join(", ", CONSOLE_METHODS));
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }

    if (request.getUserPrincipal() != null
        && request.getServletPath().startsWith("/admin")
        && !accountUnchanged(request)) {
      signOut(request);
      redirect(request, response, edge, ConsoleSecurity.LOGIN_PAGE + "?changed=1");
      return;
    }
    String folder = moduleListPage(request);
    if (folder != null) {
      redirect(request, response, edge, folder);
      return;
    }
    if ("POST".equalsIgnoreCase(request.getMethod()) && !csrfTokenValid(request)) {
      HttpSession session = request.getSession(false);
      if (session == null || !request.isRequestedSessionIdValid()) {
        redirect(request, response, edge, ConsoleSecurity.LOGIN_PAGE + "?expired=1");
        return;
      }
      LOG.log(
          Level.WARNING,
          "Refused a console POST to {0} without a valid CSRF token (user {1})",
          request.getRequestURI(),
          request.getRemoteUser());
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("text/plain;charset=UTF-8");
      response
          .getWriter()
          .write(
              "Request refused: the form's security token is missing or wrong. Reload the page and try again.\n");
      return;
    }
    if ("GET".equalsIgnoreCase(request.getMethod())) {
      CsrfToken.of(
          request.getSession(
              true)); // the session (and its cookie) before the page starts streaming out
    }
    chain.doFilter(request, response);
  }

  /**
   * For a GET of a module's folder ({@code /admin/goals/}), the module's list page when it has one
   * (a folder URL would otherwise be the server's own 404 page), else null.
   */
  private String moduleListPage(HttpServletRequest request) {
    if (!"GET".equalsIgnoreCase(request.getMethod())) {
      return null;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.matches("/admin/[a-z-]{1,40}/")) {
      return null;
    }
    String list = path + "list.xhtml";
    try {
      return getServletContext().getResource(list) != null ? list : null;
    } catch (java.net.MalformedURLException e) {
      return null;
    }
  }

  private static boolean csrfTokenValid(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String submitted = request.getHeader(CsrfToken.HEADER);
    if (submitted == null) {
      submitted = request.getParameter(CsrfToken.PARAMETER);
    }
    return CsrfToken.matches(session, submitted);
  }

  /**
   * The account is still active and has exactly the console roles the session was granted at login.
   */
  private boolean accountUnchanged(HttpServletRequest request) {
    try {
      UserView user = users.findByEmail(request.getUserPrincipal().getName());
      Set<String> now = new TreeSet<>(user.roles());
      now.retainAll(ROLES);
      Set<String> granted = new TreeSet<>();
      ROLES.stream().filter(request::isUserInRole).forEach(granted::add);
      return user.active() && now.equals(granted);
    } catch (WaymarkException e) {
      return false; // the user is gone
    }
  }

  private static void signOut(HttpServletRequest request) throws ServletException {
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /**
   * A redirect a browser follows both for full pages and for JSF/PrimeFaces ajax requests, on the
   * public URL.
   */
  static void redirect(
      HttpServletRequest request, HttpServletResponse response, HttpEdge edge, String page)
      throws IOException {
    String url = edge.publicUrl().resolve(request.getContextPath() + page);
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml;charset=UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + url.replace("&", "&amp;")
                  + "\"/></partial-response>");
      return;
    }
    // filters run in no fixed order: this one may see the response before it is wrapped
    edge.redirect(request, response, url);
  }
}
