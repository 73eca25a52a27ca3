package io.waymark.platform.api;

import io.waymark.tokens.boundary.ApiResourceCatalog;
import jakarta.ejb.EJB;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** When the API starts, its named resources go to the catalog the console offers grants from. */
@WebListener
public class ApiResourcePublisher implements ServletContextListener {

  @EJB ApiResourceCatalog catalog;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    catalog.publish(ApiResourceRegistry.entries());
  }
}
