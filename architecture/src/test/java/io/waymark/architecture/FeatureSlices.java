package io.waymark.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * One slice per feature ({@code io.waymark.(*)..}), every tier of it together, and no slice for the
 * platform. The platform's web-tier classes are composition roots that depend on features by design
 * (ApiApplication lists every resource, the filters authenticate through the users and tokens
 * boundaries), so with a platform slice every feature with an API would sit in a cycle with it and
 * real cycles between features would drown in those. The platform's core is kept free of features
 * by a rule of its own instead ({@link DependencyRules#platformCoreKnowsNoFeature}).
 */
final class FeatureSlices implements SliceAssignment {

  @Override
  public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
    return Features.featureOf(javaClass.getPackageName())
        .map(SliceIdentifier::of)
        .orElse(SliceIdentifier.ignore());
  }

  @Override
  public String getDescription() {
    return "features io.waymark.(*).. without the platform";
  }
}
