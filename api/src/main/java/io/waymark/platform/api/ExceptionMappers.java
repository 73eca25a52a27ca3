package io.waymark.platform.api;

import io.waymark.platform.error.UniqueConstraints;
import io.waymark.platform.error.WaymarkException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Maps every exception to the JSON error body: the API never answers with HTML or a stack trace.
 */
public final class ExceptionMappers {

  private ExceptionMappers() {}

  @Provider
  public static class Domain implements ExceptionMapper<WaymarkException> {
    @Override
    public Response toResponse(WaymarkException e) {
      return ErrorBodies.of(e);
    }
  }

  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      if (e instanceof NotFoundException) {
        return ErrorBodies.of(404, "route_not_found", "Route not found");
      }
      if (e instanceof NotAllowedException) {
        Response error = ErrorBodies.of(405, "method_not_allowed", "Method not allowed");
        // RFC 9110: a 405 names the methods the resource has
        Set<String> allowed =
            e.getResponse() == null ? Set.of() : e.getResponse().getAllowedMethods();
        return allowed.isEmpty() ? error : Response.fromResponse(error).allow(allowed).build();
      }
      int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
      if (status >= 500) {
        return ErrorBodies.incident(e);
      }
      return switch (status) {
        case 413 -> ErrorBodies.of(413, "payload_too_large", "Payload too large");
        case 415, 400 -> ErrorBodies.of(400, "malformed_json", "Malformed JSON");
        case 406 -> ErrorBodies.of(406, "not_acceptable", "Only application/json is produced");
        default ->
            ErrorBodies.of(
                status,
                "invalid_request",
                e.getMessage() == null ? "Invalid request" : e.getMessage());
      };
    }
  }

  /** Anything else; domain errors wrapped by the EJB container are unwrapped first. */
  @Provider
  public static class Fallback implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      // a cause chain can be cyclic (A caused by B caused by A): visit each throwable once
      Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
        if (t instanceof WaymarkException w) {
          return ErrorBodies.of(w);
        }
        if (t instanceof WebApplicationException w && !(t instanceof EJBException)) {
          return new Web().toResponse(w);
        }
      }
      // two requests raced past a feature's own check for a duplicate: still its 409
      return UniqueConstraints.conflict(e)
          .map(ErrorBodies::of)
          .orElseGet(() -> ErrorBodies.incident(e));
    }
  }
}
