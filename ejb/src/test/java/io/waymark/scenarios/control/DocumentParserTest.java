package io.waymark.scenarios.control;

import static io.waymark.scenarios.control.Documents.G;
import static io.waymark.scenarios.control.Documents.N;
import static io.waymark.scenarios.control.Documents.P;
import static io.waymark.scenarios.control.Documents.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentParserTest {

  private static final DocumentWriter.Metadata META =
      new DocumentWriter.Metadata(
          12,
          false,
          null,
          Instant.parse("2026-11-23T10:00:00Z"),
          Instant.parse("2026-11-23T10:05:00Z"),
          null,
          null);

  @Test
  void readsTheGraphWithoutDescendantsInTheOptions() {
    ScenarioDefinition d = DocumentParser.parse(Documents.welcome());
    assertThat(d.id()).isNull();
    assertThat(d.enabled()).isNull();
    assertThat(d.triggers().get(T).elements()).containsExactly(G);
    ScenarioDefinition.Element goal = d.elements().get(G);
    assertThat(goal.options().toString())
        .isEqualTo("{\"codes\":[\"g1\"],\"recheckPeriodMinutes\":5,\"timeoutMinutes\":15}");
    assertThat(goal.descendants())
        .containsExactly(
            new ScenarioDefinition.Descendant(P, "positive", null),
            new ScenarioDefinition.Descendant(N, "negative", null));
  }

  @Test
  void writingWhatWasReadGivesTheSameDocumentPlusMetadata() {
    JsonObject sent = Documents.welcome();
    JsonObject written = DocumentWriter.write(DocumentParser.parse(sent), META);
    assertThat(written.getJsonObject("triggers")).isEqualTo(sent.getJsonObject("triggers"));
    assertThat(written.getJsonObject("elements")).isEqualTo(sent.getJsonObject("elements"));
    assertThat(written.getJsonObject("visual")).isEqualTo(sent.getJsonObject("visual"));
    assertThat(written.getInt("id")).isEqualTo(12);
    assertThat(written.getBoolean("enabled")).isFalse();
    assertThat(written.getString("created_at")).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(written.getString("modified_at")).isEqualTo("2026-11-23T10:05:00Z");
    assertThat(written.isNull("deleted_at")).isTrue();
    assertThat(written.isNull("duplicated_from")).isTrue();
    assertThat(DocumentParser.parse(written).elements())
        .isEqualTo(DocumentParser.parse(sent).elements());
  }

  @ParameterizedTest
  @CsvSource({"true,true", "false,false", "1,true", "0,false"})
  void enabledAcceptsBooleansAndOneOrZero(String given, boolean expected) {
    assertThat(
            DocumentParser.parse(Documents.json("{'name':'x','enabled':" + given + "}")).enabled())
        .isEqualTo(expected);
  }

  @Test
  void shapeErrorsAreOnePayloadErrorNamingEveryField() {
    JsonObject bad =
        Documents.json(
            "{'enabled':2,'triggers':[],'elements':{'not-a-uuid':{'name':'x','type':'wait'},'"
                + G
                + "':{'type':5,'id':'"
                + P
                + "'}}}");
    assertThatThrownBy(() -> DocumentParser.parse(bad))
        .isInstanceOfSatisfying(
            WaymarkException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("payload_error");
              assertThat(e.errors())
                  .extracting(FieldError::path)
                  .containsExactlyInAnyOrder(
                      "name",
                      "enabled",
                      "triggers",
                      "elements.not-a-uuid",
                      "elements." + G + ".id",
                      "elements." + G + ".name",
                      "elements." + G + ".type");
            });
  }

  @Test
  void uuidsAreReadInLowerCase() {
    String upper = G.toUpperCase();
    ScenarioDefinition d =
        DocumentParser.parse(
            Documents.json(
                "{'name':'x','elements':{'"
                    + upper
                    + "':{'name':'w','type':'wait','wait':{'minutes':1}}}}"));
    assertThat(d.elements()).containsOnlyKeys(G);
  }

  @Test
  void aCopyHasNewUuidsRemappedInLinksEdgesAndLayout() {
    AtomicInteger n = new AtomicInteger();
    ScenarioDefinition copy =
        UuidRemap.copy(
            DocumentParser.parse(Documents.welcome()),
            "Welcome (copy)",
            () -> new UUID(0, n.incrementAndGet()));
    String t = new UUID(0, 1).toString();
    String g = new UUID(0, 2).toString();
    assertThat(copy.triggers()).containsOnlyKeys(t);
    assertThat(copy.triggers().get(t).elements()).containsExactly(g);
    assertThat(copy.elements().get(g).descendants())
        .extracting(ScenarioDefinition.Descendant::uuid)
        .containsExactly(new UUID(0, 3).toString(), new UUID(0, 4).toString());
    assertThat(copy.visual()).containsOnlyKeys(t);
    assertThat(copy.enabled()).isFalse();
    assertThat(ScenarioValidator.problems(copy, Documents.KNOWN, Vocabularies.STANDARD)).isEmpty();
    assertThat(List.copyOf(copy.elements().keySet())).doesNotContain(G, P, N);
  }
}
