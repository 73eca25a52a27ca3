package io.waymark.platform.templates;

import java.time.Duration;
import java.util.Locale;

/**
 * What one render may cost ({@code waymark.templates.*}).
 *
 * @param maxOutput the most characters a template may produce, and the longest string it may build
 *     with {@code ~}
 * @param maxLoop the most loop iterations one render may run (all loops together, nested ones
 *     included), the most macro calls, and the longest {@code range} (or {@code a..b})
 * @param renderTimeout how long one render may take
 */
public record TemplateLimits(int maxOutput, int maxLoop, Duration renderTimeout) {

  public static final TemplateLimits DEFAULTS =
      new TemplateLimits(1_000_000, 10_000, Duration.ofSeconds(2));

  public TemplateLimits {
    if (maxOutput < 1 || maxLoop < 1 || renderTimeout.isNegative() || renderTimeout.isZero()) {
      throw new IllegalArgumentException(
          "template limits must be positive: max-output "
              + maxOutput
              + ", max-loop "
              + maxLoop
              + ", render-timeout "
              + renderTimeout);
    }
  }

  /** 20000000 → "20,000,000". */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** PT2S → "2 s", PT0.5S → "500 ms". */
  static String duration(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
