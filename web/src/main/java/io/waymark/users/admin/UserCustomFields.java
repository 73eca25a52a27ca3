package io.waymark.users.admin;

import io.waymark.platform.admin.ConsoleUser;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.plugins.Source;
import io.waymark.users.boundary.FieldDefinition;
import io.waymark.users.boundary.UserFields;
import io.waymark.users.boundary.UserView;
import io.waymark.users.boundary.Users;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The user page's custom fields (SPEC §8): one text field per definition, the value as text (a date
 * {@code YYYY-MM-DD}, a boolean {@code true} / {@code false}); saving sends them as the merge patch
 * the API takes (empty clears), so the users store's rules and events are the API's.
 */
@Named
@ViewScoped
public class UserCustomFields implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One field as the form shows it. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String label;
    private final String type;
    private String value;

    Row(String code, String label, String type, String value) {
      this.code = code;
      this.label = label;
      this.type = type;
      this.value = value;
    }

    public String getCode() {
      return code;
    }

    public String getLabel() {
      return label;
    }

    public String getType() {
      return type;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }
  }

  @Inject UserFields definitions;

  @Inject Users users;

  @Inject ConsoleUser console;

  private Long userId;
  private List<Row> rows = new ArrayList<>();

  /** Called by the page once its user is loaded. */
  public void load(UserView user) {
    if (user == null) {
      return;
    }
    userId = user.id();
    show(user);
  }

  public void save() {
    if (userId == null || !console.mayEdit()) {
      return;
    }
    JsonObjectBuilder fields = JsonSupport.JSON.createObjectBuilder();
    for (Row row : rows) {
      String text = row.value == null ? "" : row.value.strip();
      if (text.isEmpty()) {
        fields.addNull(row.code);
      } else if (row.type.equals("number") && isNumber(text)) {
        fields.add(row.code, new BigDecimal(text));
      } else if (row.type.equals("boolean") && (text.equals("true") || text.equals("false"))) {
        fields.add(row.code, Boolean.parseBoolean(text));
      } else {
        fields.add(row.code, text); // a wrong type is the store's 400, shown per field
      }
    }
    try {
      show(
          users.patch(
              userId,
              JsonSupport.JSON.createObjectBuilder().add("fields", fields).build(),
              Source.CONSOLE));
      Messages.info("Custom fields saved.");
    } catch (WaymarkException e) {
      Messages.error(e, Map.of());
    }
  }

  private void show(UserView user) {
    rows = new ArrayList<>();
    for (FieldDefinition d : definitions.list()) {
      JsonValue value = user.fields().get(d.code());
      rows.add(new Row(d.code(), d.label(), d.type(), text(value)));
    }
  }

  private static String text(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return "";
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonNumber n) {
      return n.bigDecimalValue().toPlainString();
    }
    return value.toString();
  }

  private static boolean isNumber(String text) {
    try {
      new BigDecimal(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public List<Row> getRows() {
    return rows;
  }
}
