package io.waymark.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeaturesTest {

  @Test
  void theFeatureIsThePackageRightBelowTheRoot() {
    assertThat(Features.featureOf("io.waymark.scenarios.engine.control")).contains("scenarios");
    assertThat(Features.featureOf("io.waymark.goals")).contains("goals");
    assertThat(Features.featureOf("io.waymark.platform.api")).isEmpty();
    assertThat(Features.featureOf("io.waymarks.goals")).isEmpty();
    assertThat(Features.topLevelOf("io.waymark.platform.api")).contains("platform");
  }

  @Test
  void controlAndEntityAreInternalAtAnyDepth() {
    assertThat(Features.isInternal("io.waymark.segments.control")).isTrue();
    assertThat(Features.isInternal("io.waymark.scenarios.engine.entity")).isTrue();
    assertThat(Features.isInternal("io.waymark.segments.boundary")).isFalse();
    assertThat(Features.isInternal("io.waymark.control.boundary")).isFalse();
    assertThat(Features.isInternal("io.waymark.platform.control")).isFalse();
  }

  @Test
  void aCycleIsKnownByItsPathNotByItsDependencies() {
    String stored =
        "Cycle detected: Slice goals -> \n"
            + "                Slice segments -> \n"
            + "                Slice goals\n"
            + "  1. Dependencies of Slice goals\n"
            + "    - Method <a> calls method <b> in (A.java:1)\n"
            + "    - Method <c> calls method <d> in (C.java:2)";
    String oneDependencyFewer = stored.substring(0, stored.lastIndexOf("\n"));
    String otherCycle = stored.replace("Slice segments", "Slice users");

    assertThat(new CyclePathMatcher().matches(oneDependencyFewer, stored)).isTrue();
    assertThat(new CyclePathMatcher().matches(otherCycle, stored)).isFalse();
  }

  @Test
  void storeFilesAreNamedAfterTheRule() {
    assertThat(
            CommittedViolationStore.fileNameOf(
                "features use no other feature's control, because x"))
        .isEqualTo("features-use-no-other-feature-s-control.txt");
  }
}
