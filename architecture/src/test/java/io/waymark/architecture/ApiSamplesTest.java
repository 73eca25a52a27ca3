package io.waymark.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;

/**
 * Every API endpoint that takes a body documents a valid sample of it: the OpenAPI example named
 * {@code sample} of its {@code @RequestBody}. MalformedInputIT reads the samples from the running
 * server's {@code /openapi} and mutates each of their fields; this rule says which method lacks one
 * before the suite runs.
 */
@AnalyzeClasses(packages = Features.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ApiSamplesTest {

  private static final List<String> BODY_METHODS =
      List.of("jakarta.ws.rs.POST", "jakarta.ws.rs.PUT", "jakarta.ws.rs.PATCH");
  private static final String REQUEST_BODY =
      "org.eclipse.microprofile.openapi.annotations.parameters.RequestBody";

  @ArchTest
  static void everyBodyEndpointDocumentsASample(JavaClasses classes) {
    methods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage(Features.ROOT + "..")
        .should(documentASampleOfTheirBody())
        .allowEmptyShould(false)
        .check(classes);
  }

  private static ArchCondition<JavaMethod> documentASampleOfTheirBody() {
    return new ArchCondition<>("document a sample of their body (@RequestBody example 'sample')") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        if (method.getAnnotations().stream()
            .noneMatch(a -> BODY_METHODS.contains(a.getRawType().getName()))) {
          return;
        }
        Optional<JavaParameter> entity =
            method.getParameters().stream()
                .filter(p -> p.getAnnotations().stream().noneMatch(ApiSamplesTest::isJaxRs))
                .findFirst();
        if (entity.isEmpty()) {
          return; // no body
        }
        boolean sampled =
            entity.get().getAnnotations().stream()
                .filter(a -> a.getRawType().getName().equals(REQUEST_BODY))
                .anyMatch(ApiSamplesTest::hasSample);
        if (!sampled) {
          events.add(
              SimpleConditionEvent.violated(
                  method,
                  method.getFullName()
                      + " takes a body without a @RequestBody example named \"sample\" that is a"
                      + " JSON object"));
        }
      }
    };
  }

  private static boolean isJaxRs(JavaAnnotation<?> annotation) {
    String name = annotation.getRawType().getName();
    return name.startsWith("jakarta.ws.rs.") || name.startsWith("jakarta.ws.rs.core.");
  }

  private static boolean hasSample(JavaAnnotation<?> requestBody) {
    Object content = requestBody.get("content").orElse(null);
    if (!(content instanceof Object[] contents)) {
      return false;
    }
    for (Object c : contents) {
      Object examples = ((JavaAnnotation<?>) c).get("examples").orElse(null);
      if (examples instanceof Object[] all) {
        for (Object e : all) {
          JavaAnnotation<?> example = (JavaAnnotation<?>) e;
          String name = String.valueOf(example.get("name").orElse(""));
          String value = String.valueOf(example.get("value").orElse("")).strip();
          if (name.equals("sample") && value.startsWith("{") && value.endsWith("}")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
