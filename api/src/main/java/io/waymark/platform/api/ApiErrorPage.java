package io.waymark.platform.api;

import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.web.ContainerError;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API's error page (web.xml's {@code error-page}s) for what the servlet container refuses
 * before JAX-RS sees it — a path under {@code WEB-INF}, a failure outside a resource: the error
 * shape of SPEC §1 instead of the container's HTML report. Requested directly, it is a 404 like any
 * unknown route.
 */
@WebServlet(ApiErrorPage.PATH)
public class ApiErrorPage extends HttpServlet {

  private static final long serialVersionUID = 1L;
  static final String PATH = "/error-page";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ContainerError container = ContainerError.of(request, "API");
    WaymarkException error =
        container.incident() != null
            ? new WaymarkException(
                500,
                "internal_server_error",
                "Internal server error (incident " + container.incident() + ")")
            : switch (container.status()) {
              // the container's 403 is a path under WEB-INF or META-INF: no route, like any other
              case 403, 404 -> new WaymarkException(404, "route_not_found", "Route not found");
              case 405 -> new WaymarkException(405, "method_not_allowed", "Method not allowed");
              default ->
                  new WaymarkException(container.status(), "invalid_request", "Invalid request");
            };
    response.resetBuffer();
    response.setStatus(error.status());
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(ErrorBodies.body(error).toString());
  }
}
