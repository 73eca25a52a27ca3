package io.waymark.architecture;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The package layout of DESIGN.md §3 as the rules read it: {@code io.waymark.<feature>...}, with
 * the business tier's {@code boundary}, {@code control} and {@code entity} anywhere below the
 * feature (the scenario engine nests its own in {@code io.waymark.scenarios.engine}: still the
 * feature {@code scenarios}), and {@code io.waymark.platform} as the one top-level package that is
 * no feature.
 */
final class Features {

  static final String ROOT = "io.waymark";
  static final String PLATFORM = "platform";

  /** The web tier: the API's resources and the console's beans, the platform's own included. */
  static final String[] WEB_TIER = {"io.waymark.*.api..", "io.waymark.*.admin.."};

  /** The packages that hide a feature's internals from every other feature. */
  private static final List<String> INTERNAL_LAYERS = List.of("control", "entity");

  private Features() {}

  /** The package right below {@code io.waymark} ("goals", "platform"); empty outside it. */
  static Optional<String> topLevelOf(String packageName) {
    if (!packageName.startsWith(ROOT + ".")) {
      return Optional.empty();
    }
    String below = packageName.substring(ROOT.length() + 1);
    int dot = below.indexOf('.');
    return Optional.of(dot < 0 ? below : below.substring(0, dot));
  }

  /** The feature a package belongs to; empty for the platform and outside {@code io.waymark}. */
  static Optional<String> featureOf(String packageName) {
    return topLevelOf(packageName).filter(top -> !top.equals(PLATFORM));
  }

  /** Whether the package is a feature's control or entity (at any depth below the feature). */
  static boolean isInternal(String packageName) {
    return featureOf(packageName)
        .map(feature -> packageName.substring(ROOT.length() + feature.length() + 1))
        .map(rest -> Arrays.stream(rest.split("\\.")).anyMatch(INTERNAL_LAYERS::contains))
        .orElse(false);
  }
}
