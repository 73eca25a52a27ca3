package io.waymark.platform.api;

import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.idempotency.IdempotencyKeys;
import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.security.SecretTokens;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * {@code Idempotency-Key} for every token-authenticated POST whose body may be buffered ({@link
 * EndpointFeature} puts it in front of those: not a streamed multipart one, not a public or
 * shared-secret one). The request runs inside one transaction that first takes the key (an advisory
 * lock, then the stored row): a replay answers the stored 2xx/4xx response without executing again,
 * another body under the same key is 422 {@code idempotency_key_reused}, a key still running is 409
 * {@code idempotency_key_in_progress}. The key row is written in the same transaction as the work,
 * so a crash or a race cannot execute it twice; 5xx outcomes roll back and are not stored.
 */
@Priority(Priorities.AUTHORIZATION + 100)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String HEADER = "Idempotency-Key";
  private static final String STATE = "waymark.idempotency";
  private static final System.Logger LOG = System.getLogger(IdempotencyFilter.class.getName());

  private record State(String scope, String key, String requestHash, UserTransaction tx) {}

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String key = request.getHeaderString(HEADER);
    Object scope = request.getProperty(RequestContextKeys.SCOPE);
    if (key == null || !"POST".equals(request.getMethod()) || scope == null) {
      return;
    }
    if (key.isBlank() || key.length() > 255) {
      throw WaymarkException.invalidInput(HEADER);
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    String requestHash =
        SecretTokens.hashHex(
            request.getUriInfo().getPath() + "\n" + new String(body, StandardCharsets.UTF_8));
    UserTransaction tx = userTransaction();
    try {
      tx.begin();
      IdempotencyKeys keys = keys();
      if (!keys.tryLock(scope.toString(), key)) {
        tx.rollback();
        throw WaymarkException.conflict(
            "idempotency_key_in_progress", "A request with this Idempotency-Key is still running");
      }
      var stored = keys.find(scope.toString(), key);
      if (stored.isPresent()) {
        tx.rollback();
        if (!stored.get().requestHash().equals(requestHash)) {
          throw WaymarkException.unprocessable(
              "idempotency_key_reused", "This Idempotency-Key was used with another request");
        }
        request.abortWith(
            Response.status(stored.get().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(parse(stored.get().response()))
                .header("Idempotent-Replayed", "true")
                .build());
        return;
      }
      request.setProperty(STATE, new State(scope.toString(), key, requestHash, tx));
    } catch (WaymarkException e) {
      throw e;
    } catch (Exception e) {
      rollbackQuietly(tx);
      throw new IllegalStateException("Cannot take the Idempotency-Key", e);
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(STATE) instanceof State state)) {
      return;
    }
    request.removeProperty(STATE);
    int status = response.getStatus();
    try {
      if (status >= 500) {
        state.tx().rollback();
        return;
      }
      String body = response.getEntity() instanceof JsonValue json ? json.toString() : "{}";
      if (state.tx().getStatus() == Status.STATUS_ACTIVE) {
        keys().save(state.scope(), state.key(), state.requestHash(), status, body);
        state.tx().commit();
      } else {
        // the work failed with a 4xx and rolled back: nothing changed, store the answer on its own
        state.tx().rollback();
        state.tx().begin();
        keys().save(state.scope(), state.key(), state.requestHash(), status, body);
        state.tx().commit();
      }
    } catch (Exception e) {
      rollbackQuietly(state.tx());
      Response incident = ErrorBodies.incident(e);
      response.setStatus(incident.getStatus());
      response.setEntity(incident.getEntity());
    }
  }

  private static JsonObject parse(String json) {
    try (var reader = JsonSupport.JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static IdempotencyKeys keys() {
    return CDI.current().select(IdempotencyKeys.class).get();
  }

  private static UserTransaction userTransaction() {
    try {
      return (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
    } catch (NamingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void rollbackQuietly(UserTransaction tx) {
    try {
      if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        tx.rollback();
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Rollback failed", e);
    }
  }
}
