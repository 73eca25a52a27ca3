package io.waymark.platform.api.ops;

/**
 * Writes Prometheus' text exposition format: a family's {@code # HELP} and {@code # TYPE}, then its
 * samples with escaped label values.
 */
final class PrometheusText {

  private final StringBuilder text = new StringBuilder();

  void family(String name, String type, String help) {
    text.append("# HELP ").append(name).append(' ').append(help).append('\n');
    text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  /** One sample: label name and value pairs, then the value. */
  void sample(String name, Object... labelsAndValue) {
    text.append(name);
    int labels = labelsAndValue.length - 1;
    if (labels > 0) {
      text.append('{');
      for (int i = 0; i < labels; i += 2) {
        if (i > 0) {
          text.append(',');
        }
        text.append(labelsAndValue[i])
            .append("=\"")
            .append(escape(String.valueOf(labelsAndValue[i + 1])))
            .append('"');
      }
      text.append('}');
    }
    text.append(' ').append(labelsAndValue[labels]).append('\n');
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
