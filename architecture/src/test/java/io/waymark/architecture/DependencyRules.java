package io.waymark.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of DESIGN.md §3. A rule's description is its key in the store of frozen
 * violations ({@code architecture/archunit_store/stored.rules}): changing the text makes it a new
 * rule there (see the README).
 */
final class DependencyRules {

  private static final String PLATFORM = Features.ROOT + "." + Features.PLATFORM + "..";
  private static final String[] PLATFORM_WEB_TIER = {
    "io.waymark.platform.api..", "io.waymark.platform.admin.."
  };

  private DependencyRules() {}

  /**
   * The web tier reaches the business tier through boundaries only. The platform's web-tier classes
   * (filters, the API application, the ops resources) are web tier too and held to the same rule;
   * what they may use is the platform, the web tier itself and anything outside {@code io.waymark}
   * (JDK, Jakarta, MicroProfile, libraries).
   */
  static ArchRule webTierUsesOnlyBoundaries() {
    DescribedPredicate<JavaClass> allowed =
        resideOutsideOfPackage(Features.ROOT + "..")
            .or(resideInAnyPackage("io.waymark..boundary..", PLATFORM))
            .or(resideInAnyPackage(Features.WEB_TIER));
    return classes()
        .that()
        .resideInAnyPackage(Features.WEB_TIER)
        .should()
        .onlyDependOnClassesThat(allowed)
        .as("web tier uses features only through their boundary")
        .because("a feature's control and entity are its own business (DESIGN.md §3)");
  }

  /**
   * Between features only boundaries are shared. The subjects are the features' business tier: the
   * web tier is held to the stricter rule above, so that one violation is recorded by one rule.
   */
  static ArchRule featuresKeepTheirInternals() {
    return classes()
        .that()
        .resideInAPackage(Features.ROOT + "..")
        .and()
        .resideOutsideOfPackages(PLATFORM)
        .and()
        .resideOutsideOfPackages(Features.WEB_TIER)
        .should(onlyHaveDependenciesWhere(notIntoAnotherFeaturesInternals()))
        .as("features use no other feature's control or entity")
        .because("a feature's boundary is the only face it shows to other features");
  }

  /** Features depend on each other in one direction; the platform is no slice (FeatureSlices). */
  static ArchRule featuresAreFreeOfCycles() {
    return slices()
        .assignedFrom(new FeatureSlices())
        .should()
        .beFreeOfCycles()
        .as("features are free of cycles")
        .because("a cycle makes two features one that cannot be understood or changed alone");
  }

  /**
   * The platform's core (everything but its web tier, which is a composition root) depends on no
   * feature. This is what keeps cycles through the platform away now that it is no slice; it holds
   * today, so it is not frozen.
   */
  static ArchRule platformCoreKnowsNoFeature() {
    return noClasses()
        .that()
        .resideInAPackage(PLATFORM)
        .and()
        .resideOutsideOfPackages(PLATFORM_WEB_TIER)
        .should()
        .dependOnClassesThat(
            resideInAPackage(Features.ROOT + "..").and(resideOutsideOfPackage(PLATFORM)))
        .as("platform core depends on no feature")
        .because("cross-cutting code is used by features, never the other way round");
  }

  private static DescribedPredicate<Dependency> notIntoAnotherFeaturesInternals() {
    return DescribedPredicate.describe(
        "the target is no other feature's control or entity",
        dependency -> {
          String target = dependency.getTargetClass().getPackageName();
          String origin = dependency.getOriginClass().getPackageName();
          return !Features.isInternal(target)
              || Features.featureOf(target).equals(Features.featureOf(origin));
        });
  }
}
