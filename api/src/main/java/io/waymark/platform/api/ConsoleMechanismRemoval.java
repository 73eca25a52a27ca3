package io.waymark.platform.api;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.System.Logger.Level;

/**
 * Takes the console's sign-in mechanism off the API's web module. Jakarta Security implementations
 * decide per application, not per web module, whether a mechanism exists; Payara's (Soteria)
 * therefore registers the console's form mechanism as an authentication module for this module too,
 * and the container then calls it on every API request. The API authenticates by bearer token in
 * {@link EndpointFeature} and never uses it, so its registration for this module's context is
 * removed through the standard Jakarta Authentication factory before the first request (ADR 0015).
 * The console's own registration, for its own context, is untouched.
 */
@WebListener
public class ConsoleMechanismRemoval implements ServletContextListener {

  private static final System.Logger LOG =
      System.getLogger(ConsoleMechanismRemoval.class.getName());
  private static final String SERVLET_LAYER = "HttpServlet";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    try {
      remove(context);
    } catch (RuntimeException e) {
      // the API still works, only each request pays for the console's mechanism
      LOG.log(
          Level.WARNING,
          "Could not take the console's authentication module off the API module",
          e);
    }
  }

  private static void remove(ServletContext context) {
    AuthConfigFactory factory = AuthConfigFactory.getFactory();
    if (factory == null) {
      return;
    }
    String appContext = context.getVirtualServerName() + " " + context.getContextPath();
    int removed = 0;
    for (String id : factory.getRegistrationIDs(null)) {
      AuthConfigFactory.RegistrationContext registration = factory.getRegistrationContext(id);
      if (registration != null
          && SERVLET_LAYER.equals(registration.getMessageLayer())
          && appContext.equals(registration.getAppContext())
          && factory.removeRegistration(id)) {
        removed++;
      }
    }
    if (removed > 0) {
      LOG.log(
          Level.INFO,
          "Removed {0} authentication module registration(s) from the API module ({1}): API requests"
              + " authenticate by token only",
          removed,
          appContext);
    }
  }
}
