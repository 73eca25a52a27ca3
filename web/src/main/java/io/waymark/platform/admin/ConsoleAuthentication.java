package io.waymark.platform.admin;

import io.waymark.platform.web.HttpEdge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How people sign in to the console (Jakarta Security): the login page hands the credentials over
 * with {@code SecurityContext.authenticate}, the identity stores check them, and the session keeps
 * the caller ({@code @AutoApplySession}). A protected page opened without a session is redirected
 * to the login page on {@code waymark.public-url} and remembered for after the login ({@link
 * #RETURN_TO}). This replaces the built-in custom-form mechanism, whose login-to-continue builds
 * both redirects from the request's {@code Host} header (and runs before any servlet filter, so no
 * filter can correct them).
 */
@ApplicationScoped
@AutoApplySession
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

  /** Session attribute: the console path (with query) to continue to after the login. */
  public static final String RETURN_TO = "waymark.console.return-to";

  @Inject IdentityStoreHandler identityStores;

  @Inject HttpEdge edge;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential =
        context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential != null) {
      return context.notifyContainerAboutLogin(identityStores.validate(credential));
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if ("GET".equalsIgnoreCase(request.getMethod())) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      String query = request.getQueryString();
      request.getSession(true).setAttribute(RETURN_TO, query == null ? path : path + "?" + query);
    }
    try {
      // not context.redirect: the container's sendRedirect would prefix the request's Host when
      // no public URL is set (this runs before the filter that wraps the response)
      edge.redirect(request, response, request.getContextPath() + ConsoleSecurity.LOGIN_PAGE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }
}
