package io.waymark.users.admin;

import io.waymark.platform.admin.ConsoleSecurity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Sign out: a POST from the layout's header (CSRF-checked like every console form); ends the
 * session.
 */
@Named
@RequestScoped
public class ConsoleLogout {

  public void logout() throws ServletException, IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + ConsoleSecurity.LOGIN_PAGE + "?logout=1");
  }
}
