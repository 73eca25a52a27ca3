package io.waymark.platform.admin;

import io.waymark.platform.web.HttpEdge;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The console's folders without their slash ({@code /admin}, {@code /admin/goals}) are redirected
 * to the folder on {@code waymark.public-url}. The container would answer them itself, before any
 * filter, with a redirect built from the {@code Host} header; a servlet mapped to exactly these
 * paths takes them first.
 */
@WebListener
public class ConsoleFolders implements ServletContextListener {

  @Inject HttpEdge edge;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    Set<String> folders = new TreeSet<>();
    folders.add("/admin");
    Set<String> children = context.getResourcePaths("/admin/");
    if (children != null) {
      children.stream()
          .filter(path -> path.endsWith("/"))
          .forEach(path -> folders.add(path.substring(0, path.length() - 1)));
    }
    context
        .addServlet("console-folders", new FolderSlash(edge))
        .addMapping(folders.toArray(String[]::new));
  }

  /** Sends {@code /admin/goals} to {@code /admin/goals/}. */
  static final class FolderSlash extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private final transient HttpEdge edge;

    FolderSlash(HttpEdge edge) {
      this.edge = edge;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String query = request.getQueryString();
      String folder = request.getServletPath() + "/" + (query == null ? "" : "?" + query);
      ConsoleRequestFilter.redirect(request, response, edge, folder);
    }
  }
}
