package io.waymark.platform.templates;

import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.ExtensionCustomizer;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.core.DefaultFilter;
import io.pebbletemplates.pebble.extension.escaper.EscapeFilter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in filters, each of whose result is checked against the output limit: a string or a
 * list that doubles on every iteration ({@code l | merge(l)}, {@code s | replace(...)}) stops at
 * the first step past the limit instead of filling the heap; {@code replace} and {@code join},
 * which can multiply their input in one call, are checked before they run ({@link
 * FilterResultBound}). {@code default} and {@code escape} are left as they are: Pebble treats those
 * two filter objects specially, and neither grows its input much.
 */
final class SizeCheckedFilters extends ExtensionCustomizer {

  SizeCheckedFilters(Extension core) {
    super(core);
  }

  @Override
  public Map<String, Filter> getFilters() {
    Map<String, Filter> filters = super.getFilters();
    if (filters == null) {
      return null;
    }
    Map<String, Filter> checked = new LinkedHashMap<>();
    filters.forEach(
        (name, filter) ->
            checked.put(
                name,
                filter instanceof DefaultFilter || filter instanceof EscapeFilter
                    ? filter
                    : new SizeChecked(name, filter)));
    return checked;
  }

  private static final class SizeChecked implements Filter {
    private final String name;
    private final Filter filter;

    SizeChecked(String name, Filter filter) {
      this.name = name;
      this.filter = filter;
    }

    @Override
    public List<String> getArgumentNames() {
      return filter.getArgumentNames();
    }

    @Override
    public Object apply(
        Object input,
        Map<String, Object> args,
        PebbleTemplate self,
        EvaluationContext context,
        int line) {
      RenderBudget.current().filtering(name, FilterResultBound.of(name, input, args), line);
      Object result = filter.apply(input, args, self, context, line);
      RenderBudget.current().filtered(name, result, line);
      return result;
    }
  }
}
