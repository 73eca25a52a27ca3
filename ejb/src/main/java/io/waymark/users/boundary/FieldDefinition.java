package io.waymark.users.boundary;

import io.waymark.platform.plugins.ValueType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A custom user field (SPEC §8): its code (the key under the user's {@code fields}, addressed as
 * {@code fields.<code>} by criteria and patches), label and type.
 */
public record FieldDefinition(String code, String label, String type, Instant createdAt) {

  public static final List<String> TYPES = List.of("string", "number", "date", "boolean");

  private static final Map<String, ValueType> VALUE_TYPES =
      Map.of(
          "string", ValueType.STRING,
          "number", ValueType.NUMBER,
          "date", ValueType.DATE,
          "boolean", ValueType.BOOLEAN);

  /** The type its values compare in. */
  public ValueType valueType() {
    return VALUE_TYPES.get(type);
  }
}
