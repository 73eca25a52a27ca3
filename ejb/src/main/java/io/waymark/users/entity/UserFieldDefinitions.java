package io.waymark.users.entity;

import io.waymark.platform.db.Jdbc;
import io.waymark.users.boundary.FieldDefinition;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The table of custom field definitions (V23). */
@Dependent
public class UserFieldDefinitions {

  private static final String COLUMNS = "code, label, type, created_at";

  @Inject Jdbc jdbc;

  public List<FieldDefinition> all() {
    return jdbc.list(
        "select " + COLUMNS + " from user_field_definitions order by code",
        UserFieldDefinitions::row);
  }

  public Optional<FieldDefinition> byCode(String code) {
    return jdbc.first(
        "select " + COLUMNS + " from user_field_definitions where code = ?",
        UserFieldDefinitions::row,
        code);
  }

  /** Inserts it; false when the code is taken. */
  public boolean insert(FieldDefinition d) {
    return jdbc.update(
            "insert into user_field_definitions (code, label, type, created_at) values (?, ?, ?, ?)"
                + " on conflict (code) do nothing",
            d.code(),
            d.label(),
            d.type(),
            d.createdAt())
        == 1;
  }

  private static FieldDefinition row(java.sql.ResultSet rs) throws java.sql.SQLException {
    Instant created = Jdbc.instant(rs, 4);
    return new FieldDefinition(rs.getString(1), rs.getString(2), rs.getString(3), created);
  }
}
