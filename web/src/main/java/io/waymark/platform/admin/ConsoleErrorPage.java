package io.waymark.platform.admin;

import io.waymark.platform.web.ContainerError;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's error page (web.xml's {@code error-page}s): a failure is logged with its stack
 * trace under an incident id, and the operator sees that id and a way back — never the exception,
 * the SQL or the server's name and version. A missing page is a plain "not found".
 */
@WebServlet(ConsoleErrorPage.PATH)
public class ConsoleErrorPage extends HttpServlet {

  private static final long serialVersionUID = 1L;
  static final String PATH = "/console-error";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ContainerError container = ContainerError.of(request, "console");
    int status = container.status();
    String title;
    String text;
    if (container.incident() != null) {
      title = "Something went wrong";
      text =
          "The request could not be completed. If it happens again, give the administrator"
              + " this incident id: <code id=\"incident\">"
              + container.incident()
              + "</code>.";
    } else if (status == 404) {
      title = "Page not found";
      text = "There is no such page in the admin console.";
    } else if (status == 403) {
      title = "Not allowed";
      text = "You may not open this page.";
    } else if (status == 405) {
      title = "Not allowed";
      text = "This page cannot be used that way (HTTP method " + method(request) + ").";
    } else if (status == 400) {
      title = "Bad request";
      text = "The request was malformed and could not be handled.";
    } else {
      title = "Request not handled";
      text = "The request could not be handled (status " + status + ").";
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"/><title>"
                + title
                + " — Waymark</title></head>\n<body style=\"font-family: sans-serif; margin: 3rem;\">"
                + "<h1 id=\"error-title\">"
                + title
                + "</h1>\n<p>"
                + text
                + "</p>\n<p><a href=\""
                + request.getContextPath()
                + "/admin/\">Back to the admin console</a></p>\n</body></html>\n");
  }

  /** The request's method, only when it is a plain token (it is echoed into the page). */
  private static String method(HttpServletRequest request) {
    String method = request.getMethod();
    return method != null && method.matches("[A-Z]{1,20}") ? method : "?";
  }
}
