package io.waymark.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * What the servlet container hands an error page ({@code web.xml}'s {@code error-page}): the status
 * to answer, and for a failure (an exception, or any 5xx) an incident id, logged here with the
 * stack trace. An error page requested directly has neither attribute: there is no such page (404).
 *
 * @param status the status to answer (500 for every failure)
 * @param incident the incident id, or null when nothing failed
 */
public record ContainerError(int status, String incident) {

  private static final System.Logger LOG = System.getLogger(ContainerError.class.getName());

  /** The error the container forwarded {@code request} with; {@code module} names it in the log. */
  public static ContainerError of(HttpServletRequest request, String module) {
    Throwable failure =
        request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : failure != null ? 500 : 404;
    if (failure == null && status < 500) {
      return new ContainerError(status, null);
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(
        Level.ERROR,
        "Incident "
            + incident
            + ": "
            + module
            + " request "
            + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
            + " failed",
        failure);
    return new ContainerError(500, incident);
  }
}
