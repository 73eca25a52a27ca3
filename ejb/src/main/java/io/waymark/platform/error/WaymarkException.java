package io.waymark.platform.error;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The one error model: every failure a caller can act on is one of these, carrying the HTTP status,
 * the machine code and the human message of SPEC §1 (and field errors for {@code payload_error}).
 * Rolls back the transaction.
 */
@ApplicationException(rollback = true, inherited = true)
public class WaymarkException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String error;
  private final List<FieldError> errors;
  private final Long retryAfterSeconds;

  public WaymarkException(int status, String code, String message) {
    this(status, code, message, null, List.of());
  }

  public WaymarkException(
      int status, String code, String message, String error, List<FieldError> errors) {
    this(status, code, message, error, errors, null);
  }

  private WaymarkException(
      int status,
      String code,
      String message,
      String error,
      List<FieldError> errors,
      Long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.error = error;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /**
   * The extra {@code error} member some wire contracts carry (e.g. {@code no_authorization}); may
   * be null.
   */
  public String error() {
    return error;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** When the caller may try again, in seconds (the {@code Retry-After} header); may be null. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static WaymarkException emptyRequest() {
    return new WaymarkException(400, "empty_request", "Empty request");
  }

  public static WaymarkException malformedJson() {
    return new WaymarkException(400, "malformed_json", "Malformed JSON");
  }

  public static WaymarkException payloadError(List<FieldError> errors) {
    return new WaymarkException(400, "payload_error", "Payload error", null, errors);
  }

  public static WaymarkException payloadError(String path, String message) {
    return payloadError(List.of(new FieldError(path, message)));
  }

  public static WaymarkException invalidInput(String parameter) {
    return new WaymarkException(400, "invalid_input", "Invalid parameter '" + parameter + "'");
  }

  public static WaymarkException notAuthorized(String reason) {
    return new WaymarkException(
        403, "no_authorization", "Not authorized: " + reason, "no_authorization", List.of());
  }

  public static WaymarkException notFound(String code, String message) {
    return new WaymarkException(404, code, message);
  }

  public static WaymarkException conflict(String code, String message) {
    return new WaymarkException(409, code, message);
  }

  public static WaymarkException unprocessable(String code, String message) {
    return new WaymarkException(422, code, message);
  }

  public static WaymarkException tooLarge(String message) {
    return new WaymarkException(413, "payload_too_large", message);
  }

  /**
   * 429 {@code too_many_attempts}: a throttled sign-in, to be tried again after that many seconds.
   */
  public static WaymarkException tooManyAttempts(long retryAfterSeconds) {
    return new WaymarkException(
        429,
        "too_many_attempts",
        tooManyAttemptsMessage(retryAfterSeconds),
        null,
        List.of(),
        retryAfterSeconds);
  }

  /**
   * {@code Too many failed attempts; try again in 30 seconds} (the API's and the console's text).
   */
  public static String tooManyAttemptsMessage(long retryAfterSeconds) {
    return "Too many failed attempts; try again in "
        + retryAfterSeconds
        + (retryAfterSeconds == 1 ? " second" : " seconds");
  }
}
