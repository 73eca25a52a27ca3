package io.waymark.users.admin;

import io.waymark.platform.admin.ConsoleAuthentication;
import io.waymark.platform.admin.ConsoleSecurity;
import io.waymark.platform.admin.CsrfToken;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.WaymarkException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The login page: hands email and password to Jakarta Security. On success the user continues to
 * the console page that sent them here (or the console home). The session id is changed first (no
 * session fixation) and the CSRF token renewed. One message for every failure, so the page does not
 * tell which emails exist — except a throttled attempt (too many failures of this email from this
 * address, for known and unknown emails alike), which says how long to wait.
 */
@Named
@RequestScoped
public class ConsoleLogin {

  static final String FAILED =
      "Sign-in failed: wrong email or password, or the account has no console access.";

  @Inject SecurityContext security;

  private String email;
  private String password;

  /** Someone already signed in who opens the login page goes to the console. */
  public void redirectIfSignedIn() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (external.getUserPrincipal() != null && !FacesContext.getCurrentInstance().isPostback()) {
      external.redirect(external.getRequestContextPath() + ConsoleSecurity.HOME_PAGE);
    }
  }

  public void login() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    if (email == null || email.isBlank() || password == null || password.isEmpty()) {
      Messages.error("Enter your email and your password.");
      return;
    }
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    request.changeSessionId();
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(email.strip(), new Password(password))));
    switch (status) {
      case SUCCESS -> {
        CsrfToken.renew(request.getSession());
        external.redirect(external.getRequestContextPath() + continueTo(request));
      }
      default -> {
        Object retryAfter = request.getAttribute(ConsoleIdentityStore.RETRY_AFTER);
        Messages.error(
            retryAfter instanceof Long seconds
                ? WaymarkException.tooManyAttemptsMessage(seconds) + "."
                : FAILED);
      }
    }
  }

  /**
   * The console page that sent the user to the login page ({@link ConsoleAuthentication#RETURN_TO},
   * a path under /admin/ only), else the console home. The redirect itself goes to the public URL
   * (the response is wrapped by ConsolePublicUrlFilter).
   */
  private static String continueTo(HttpServletRequest request) {
    HttpSession session = request.getSession();
    Object saved = session.getAttribute(ConsoleAuthentication.RETURN_TO);
    session.removeAttribute(ConsoleAuthentication.RETURN_TO);
    if (saved instanceof String path
        && path.startsWith("/admin/")
        && !path.contains("//")
        && !path.contains("\\")) {
      return path;
    }
    return ConsoleSecurity.HOME_PAGE;
  }

  /**
   * A line for the page about why the user is here (signed out, session expired, account changed).
   */
  public String getNotice() {
    var params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    if (params.containsKey("logout")) {
      return "You have been signed out.";
    }
    if (params.containsKey("expired")) {
      return "Your session has expired. Please sign in again.";
    }
    if (params.containsKey("changed")) {
      return "Your account was changed by an admin. Please sign in again.";
    }
    return null;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
