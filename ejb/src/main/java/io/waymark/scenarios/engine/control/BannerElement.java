package io.waymark.scenarios.engine.control;

import io.waymark.campaigns.boundary.ShowBannerAction;
import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** {@code banner} {banner_id, expiresInMinutes}: a one-time banner, de-duplicated by the job id. */
@Dependent
public class BannerElement implements ElementType {

  @Inject ShowBannerAction action;

  @Override
  public String key() {
    return "banner";
  }

  @Override
  public int order() {
    return 60;
  }

  @Override
  public String label() {
    return "Banner";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.required("banner_id", "banner_id", "the campaign banner shown once"),
        Param.required("expiresInMinutes", "minutes", "how long it is shown"));
  }

  @Override
  public void check(ElementCheck check) {
    Long id = check.integer("banner_id", true, 1);
    if (id != null && !check.references().bannerExists(id)) {
      check.problem("unknown banner id " + id);
    }
    check.minutes("expiresInMinutes", true);
  }

  @Override
  public Outcome run(Visit visit) {
    JsonObject options = visit.element().options();
    JsonObjectBuilder params = JsonSupport.JSON.createObjectBuilder();
    if (options.containsKey("banner_id")) {
      params.add("banner_id", options.get("banner_id"));
    }
    if (options.containsKey("expiresInMinutes")) {
      params.add("expires_in_minutes", options.get("expiresInMinutes"));
    }
    return Outcome.after(action.perform(ActionRequests.of(visit, params.build())));
  }
}
