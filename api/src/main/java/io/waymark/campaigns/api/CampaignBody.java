package io.waymark.campaigns.api;

import io.waymark.campaigns.boundary.BannerChange;
import io.waymark.campaigns.boundary.CampaignChange;
import io.waymark.platform.api.JsonBody;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a campaign body: the types of every field (all errors at once); the rules are the
 * boundary's.
 */
final class CampaignBody {

  private static final List<String> FIELDS =
      List.of(
          CampaignChange.NAME,
          CampaignChange.STATUS,
          CampaignChange.STARTS_AT,
          CampaignChange.ENDS_AT,
          CampaignChange.INCLUDE,
          CampaignChange.EXCLUDE,
          CampaignChange.MAX_DISPLAYS,
          CampaignChange.BANNERS);

  private CampaignBody() {}

  static CampaignChange read(String raw) {
    JsonBody body = JsonBody.parse(raw);
    Set<String> given = new HashSet<>();
    FIELDS.stream().filter(f -> body.json().containsKey(f)).forEach(given::add);
    CampaignChange change =
        new CampaignChange(
            given,
            body.string(CampaignChange.NAME, false),
            body.string(CampaignChange.STATUS, false),
            time(body, CampaignChange.STARTS_AT),
            time(body, CampaignChange.ENDS_AT),
            body.strings(CampaignChange.INCLUDE),
            body.strings(CampaignChange.EXCLUDE),
            body.integer(CampaignChange.MAX_DISPLAYS, 1, 1_000_000),
            banners(body));
    body.done();
    return change;
  }

  /**
   * An ISO-8601 time with an offset ({@code 2026-01-31T12:00:00Z}, {@code ...+01:00}); null when
   * absent or null.
   */
  static Instant time(JsonBody body, String name) {
    String value = body.string(name, false);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      body.error(name, "must be an ISO-8601 time with an offset, e.g. 2026-01-31T12:00:00Z");
      return null;
    }
  }

  private static List<BannerChange> banners(JsonBody body) {
    JsonValue value = body.json().get(CampaignChange.BANNERS);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      body.error(CampaignChange.BANNERS, "must be an array of banners");
      return null;
    }
    List<BannerChange> banners = new ArrayList<>();
    var array = value.asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      String path = CampaignChange.BANNERS + "[" + i + "]";
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        body.error(path, "must be an object");
        continue;
      }
      JsonBody banner = body.nested(array.get(i).asJsonObject(), path);
      String background = null;
      String text = null;
      JsonValue colors = array.get(i).asJsonObject().get("colors");
      if (colors != null && colors.getValueType() == JsonValue.ValueType.OBJECT) {
        JsonBody c = body.nested(colors.asJsonObject(), path + ".colors");
        background = c.string("background", false);
        text = c.string("text", false);
      } else if (colors != null && colors.getValueType() != JsonValue.ValueType.NULL) {
        banner.error("colors", "must be an object with background and text");
      }
      banners.add(
          new BannerChange(
              banner.id("id", false),
              banner.string("name", false),
              banner.string("position", false),
              banner.string("text", false),
              banner.string("html", false),
              background,
              text));
    }
    return banners;
  }
}
