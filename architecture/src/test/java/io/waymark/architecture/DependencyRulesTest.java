package io.waymark.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The dependency rules over the production classes of health, ejb, api and web (this module's test
 * classpath). Rules that do not hold today are frozen: today's violations are in {@code
 * architecture/archunit_store}, and only a new one fails.
 */
@AnalyzeClasses(packages = Features.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

  @ArchTest
  static void webTierUsesOnlyBoundaries(JavaClasses classes) {
    Frozen.check(DependencyRules.webTierUsesOnlyBoundaries(), classes);
  }

  @ArchTest
  static void featuresKeepTheirInternals(JavaClasses classes) {
    Frozen.check(DependencyRules.featuresKeepTheirInternals(), classes);
  }

  @ArchTest
  static void featuresAreFreeOfCycles(JavaClasses classes) {
    Frozen.check(DependencyRules.featuresAreFreeOfCycles(), new CyclePathMatcher(), classes);
  }

  @ArchTest
  static void platformCoreKnowsNoFeature(JavaClasses classes) {
    DependencyRules.platformCoreKnowsNoFeature().check(classes);
  }
}
