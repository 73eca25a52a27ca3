package io.waymark.users.boundary;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.users.entity.UserFieldDefinitions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Custom user fields (SPEC §8): definitions — a code, a label, a type — whose values users carry
 * under {@code fields} and criteria address as {@code fields.<code>}.
 */
@Stateless
public class UserFields {

  /** A code: a lower-case letter, then letters, digits and underscores, 64 at most. */
  static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  @Inject UserFieldDefinitions definitions;

  @Inject Clock clock;

  /** 400 {@code payload_error} naming each bad part; 409 {@code code_taken}. */
  public FieldDefinition define(String code, String label, String type) {
    List<FieldError> errors = problems(code, label, type);
    for (var required : new String[][] {{"code", code}, {"label", label}, {"type", type}}) {
      if (required[1] == null) {
        errors.add(new FieldError(required[0], "is required"));
      }
    }
    if (!errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
    FieldDefinition definition = new FieldDefinition(code, label.strip(), type, clock.instant());
    if (!definitions.insert(definition)) {
      throw new WaymarkException(409, "code_taken", "Field code '" + code + "' is already taken");
    }
    return definition;
  }

  /** What is wrong with the values given (null: not given, which the caller reports), by field. */
  public static List<FieldError> problems(String code, String label, String type) {
    List<FieldError> errors = new ArrayList<>();
    if (code != null && !CODE.matcher(code).matches()) {
      errors.add(
          new FieldError(
              "code", "must be a lower-case letter, then letters, digits or _ (64 at most)"));
    }
    if (label != null && (label.isBlank() || label.length() > 255)) {
      errors.add(new FieldError("label", "must have 1 to 255 characters"));
    }
    if (type != null && !FieldDefinition.TYPES.contains(type)) {
      errors.add(
          new FieldError("type", "must be one of " + String.join(", ", FieldDefinition.TYPES)));
    }
    return errors;
  }

  public List<FieldDefinition> list() {
    return definitions.all();
  }

  public Optional<FieldDefinition> find(String code) {
    return definitions.byCode(code);
  }

  /** Code → definition, for checking a patch or compiling criteria. */
  public Map<String, FieldDefinition> byCode() {
    return definitions.all().stream().collect(Collectors.toMap(FieldDefinition::code, d -> d));
  }
}
