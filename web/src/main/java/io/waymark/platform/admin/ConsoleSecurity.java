package io.waymark.platform.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * How people sign in to the console: a JSF login page that hands the credentials to Jakarta
 * Security ({@code SecurityContext.authenticate}); the identity store checks them against the users
 * table. Protected pages redirect (not forward) to the login page, so the browser's address bar
 * always shows where the user is. The constraints themselves are in {@code web.xml} ({@code
 * /admin/*}).
 */
@ApplicationScoped
@DeclareRoles({ConsoleRoles.ADMIN, ConsoleRoles.EDITOR, ConsoleRoles.VIEWER})
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(
            loginPage = ConsoleSecurity.LOGIN_PAGE,
            useForwardToLogin = false,
            errorPage = ""))
public class ConsoleSecurity {

  public static final String LOGIN_PAGE = "/login.xhtml";
  public static final String HOME_PAGE = "/admin/index.xhtml";
}
