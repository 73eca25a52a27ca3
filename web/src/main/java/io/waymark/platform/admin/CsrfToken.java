package io.waymark.platform.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The per-session CSRF token: 32 random bytes kept in the HTTP session, rendered into every console
 * form as the hidden field {@value #PARAMETER} (pages: {@code <input type="hidden" name="_csrf"
 * value="#{csrf.value}"/>}) and checked by {@link ConsoleRequestFilter} on every POST. A new token
 * is issued at login.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

  public static final String PARAMETER = "_csrf";
  public static final String HEADER = "X-CSRF-Token";
  static final String SESSION_KEY = CsrfToken.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject HttpServletRequest request;

  public String getParameter() {
    return PARAMETER;
  }

  public String getValue() {
    return of(request.getSession(true));
  }

  /** The session's token, created on first use. */
  static String of(HttpSession session) {
    synchronized (session) {
      String token = (String) session.getAttribute(SESSION_KEY);
      if (token == null) {
        token = renew(session);
      }
      return token;
    }
  }

  /**
   * Replaces the session's token (at login), so a token seen before authentication is worthless
   * after it.
   */
  public static String renew(HttpSession session) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setAttribute(SESSION_KEY, token);
    return token;
  }

  /**
   * Constant-time comparison of a submitted value with the session's token; no session or token
   * never matches.
   */
  static boolean matches(HttpSession session, String submitted) {
    if (session == null || submitted == null) {
      return false;
    }
    String expected = (String) session.getAttribute(SESSION_KEY);
    return expected != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            submitted.getBytes(StandardCharsets.US_ASCII));
  }
}
