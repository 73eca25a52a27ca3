package io.waymark.platform.api;

import io.waymark.platform.plugins.Param;
import io.waymark.platform.plugins.Plugin;
import java.util.List;

/** A registered plugin as the API's catalogues answer it: key, label and parameters. */
public final class PluginJson {

  private PluginJson() {}

  public static Json.Obj of(Plugin plugin) {
    return Json.object()
        .put("key", plugin.key())
        .put("label", plugin.label())
        .put("params", params(plugin.params()));
  }

  /** {@code [{"name","type","required","values","description"}]} ({@code values}: the choices). */
  public static List<Object> params(List<Param> params) {
    return params.stream()
        .<Object>map(
            p ->
                Json.object()
                    .put("name", p.name())
                    .put("type", p.type())
                    .put("required", p.required())
                    .put("values", p.choices())
                    .put("description", p.description()))
        .toList();
  }
}
