package io.waymark.platform.admin;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's session cookie is {@code Secure} when {@code waymark.console.secure-cookie} is
 * true: behind a proxy that terminates TLS the server itself sees plain HTTP, so the container
 * cannot tell; the operator says so. Set before the console serves its first request (the cookie
 * configuration is fixed once the context is initialised); HttpOnly and SameSite=Strict come from
 * web.xml.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

  static final String KEY = "waymark.console.secure-cookie";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    boolean secure =
        ConfigProvider.getConfig().getOptionalValue(KEY, Boolean.class).orElse(Boolean.FALSE);
    event.getServletContext().getSessionCookieConfig().setSecure(secure);
  }
}
