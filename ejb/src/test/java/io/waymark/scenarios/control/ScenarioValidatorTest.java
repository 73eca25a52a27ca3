package io.waymark.scenarios.control;

import static io.waymark.scenarios.control.Documents.G;
import static io.waymark.scenarios.control.Documents.N;
import static io.waymark.scenarios.control.Documents.P;
import static io.waymark.scenarios.control.Documents.T;
import static io.waymark.scenarios.control.Documents.X;
import static io.waymark.scenarios.control.Documents.doc;
import static io.waymark.scenarios.control.Documents.edge;
import static io.waymark.scenarios.control.Documents.element;
import static io.waymark.scenarios.control.Documents.trigger;
import static io.waymark.scenarios.control.Documents.typedTrigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioValidatorTest {

  private static List<FieldError> problems(JsonObject document) {
    return ScenarioValidator.problems(
        DocumentParser.parse(document), Documents.KNOWN, Vocabularies.STANDARD);
  }

  /** One trigger starting a single element of the given type and options. */
  private static List<FieldError> single(String type, String options) {
    return problems(doc(trigger(T, "user_registered", "{}", G), element(G, type, options, "")));
  }

  @Test
  void theExampleJourneyIsValid() {
    assertThat(problems(Documents.welcome())).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "goal|'codes':['g1','g2'],'recheckPeriodMinutes':1",
        "wait|'minutes':30",
        "segment|'code':'vip'",
        "condition|'criteria':{'type':'and','nodes':[{'type':'criterion','key':'trigger.param','params':{'name':'goal_code','operator':'eq','value':'g1'}},{'type':'criterion','key':'user.field','params':{'field':'email','operator':'contains','value':'@'}}]}",
        "condition|'criteria':{'type':'criterion','key':'segment.member','params':{'code':'vip'}}",
        "condition|'criteria':{'type':'criterion','key':'trigger.param','params':{'name':'plan','operator':'neq','value':'pro'}}",
        "email|'template_code':'done'",
        "banner|'banner_id':7,'expiresInMinutes':60",
        "webhook|'url':'https://example.com/hook','headers':{'X-A':'b'}",
        "ab_test|'variants':[{'code':'a','name':'A','distribution':50},{'code':'b','name':'B','distribution':50}]"
      })
  void everyTypeWithItsOptionsIsValid(String type, String options) {
    assertThat(single(type, options)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "goal|'codes':['g1']|goal: option 'recheckPeriodMinutes' is required",
        "goal|'codes':['nope'],'recheckPeriodMinutes':5|goal: unknown goal code 'nope'",
        "goal|'codes':[],'recheckPeriodMinutes':5|goal: option 'codes' must be a non-empty array of goal codes",
        "goal|'codes':['g1'],'recheckPeriodMinutes':'5'|goal: option 'recheckPeriodMinutes' must be an integer of at least 1",
        "goal|'codes':['g1'],'recheckPeriodMinutes':5,'timeoutMinutes':0|goal: option 'timeoutMinutes' must be an integer of at least 1",
        "wait||wait: option 'minutes' is required",
        "segment|'code':'gone'|segment: unknown segment code 'gone'",
        "condition||condition: option 'criteria' is required",
        "condition|'criteria':{'type':'criterion','key':'trigger.param','params':{'name':'x','operator':'like'}}|condition: criteria.params.operator: must be one of eq, ne, lt, lte, gt, gte, contains, is_empty, in, exists",
        "condition|'criteria':{'type':'criterion','key':'trigger.param','params':{'name':'x','operator':'gt','value':[1]}}|condition: criteria.params.value: must be a string, a number or a boolean",
        "condition|'criteria':{'type':'criterion','key':'trigger.param','params':{'name':'x','operator':'contains','value':5}}|condition: criteria.params.value: contains does not compare a number",
        "condition|'criteria':{'type':'criterion','key':'segment.member','params':{'code':'gone'}}|condition: criteria.params.code: no criteria or static segment 'gone'",
        "sms|'template_code':'nudge'|unknown element type 'sms' (one of ab_test, banner, condition, email, goal, segment, wait, webhook)",
        "condition|'criteria':{'type':'criterion','key':'no.such'}|condition: criteria.key: unknown criterion 'no.such'",
        "email|'template_code':'gone'|email: unknown template code 'gone'",
        "email|'template_code':3|email: option 'template_code' must be a string",
        "banner|'banner_id':8,'expiresInMinutes':5|banner: unknown banner id 8",
        "webhook|'url':'ftp://example.com'|webhook: option 'url' must be an http or https URL",
        "ab_test|'variants':[{'code':'a','name':'A','distribution':60},{'code':'b','name':'B','distribution':50}]|ab_test: the variants' distributions add up to 110, not 100",
        "ab_test|'variants':[{'code':'a','name':'A','distribution':60}]|ab_test: the variants' distributions add up to 60, not 100",
        "teleport||unknown element type 'teleport' (one of ab_test, banner, condition, email, goal, segment, wait, webhook)"
      })
  void aMissingOrWrongOptionIsNamedOnTheElement(String type, String options, String message) {
    assertThat(single(type, options == null ? "" : options))
        .containsExactly(new FieldError("elements." + G, message));
  }

  @Test
  void templatesAreNotCheckedWithoutATemplateStore() {
    io.waymark.scenarios.engine.control.References noTemplates =
        new io.waymark.scenarios.engine.control.References() {
          public boolean goalExists(String code) {
            return true;
          }

          public boolean segmentExists(String code) {
            return true;
          }

          public boolean bannerExists(long id) {
            return true;
          }

          public Boolean templateExists(String code) {
            return null;
          }

          @Override
          public java.util.Optional<io.waymark.platform.criteria.SavedSegment> savedSegment(
              String code) {
            return java.util.Optional.empty();
          }

          @Override
          public java.util.Optional<String> userFieldType(String code) {
            return java.util.Optional.empty();
          }

          @Override
          public java.util.Optional<String> outboundProblem(String url) {
            return io.waymark.platform.http.OutboundHttp.targetProblem(
                new io.waymark.platform.http.OutboundGuard(
                    io.waymark.platform.http.AllowedTargets.NONE),
                url);
          }
        };
    assertThat(
            ScenarioValidator.problems(
                DocumentParser.parse(
                    doc(
                        trigger(T, "user_registered", "{}", G),
                        element(G, "email", "'template_code':'any'", ""))),
                noTemplates,
                Vocabularies.STANDARD))
        .isEmpty();
  }

  @Test
  void linksToItselfOrToAMissingElementAreRefused() {
    List<FieldError> errors =
        problems(
            doc(
                trigger(T, "user_registered", "{}", G),
                element(
                    G, "wait", "'minutes':5", edge(G, "positive") + "," + edge(X, "positive"))));
    assertThat(errors)
        .containsExactlyInAnyOrder(
            new FieldError("elements." + G, "links to itself"),
            new FieldError("elements." + G, "descendant '" + X + "' does not exist"));
  }

  @Test
  void aCycleThatPassesNoWaitOrGoalIsRefusedOnEachOfItsElements() {
    List<FieldError> errors =
        problems(
            doc(
                trigger(T, "user_registered", "{}", G),
                element(G, "email", "'template_code':'done'", edge(P, "positive"))
                    + ","
                    + element(
                        P,
                        "segment",
                        "'code':'vip'",
                        edge(G, "positive") + "," + edge(N, "negative"))
                    + ","
                    + element(N, "email", "'template_code':'done'", "")));
    assertThat(errors)
        .containsExactlyInAnyOrder(
            new FieldError("elements." + G, "is on a cycle that passes no wait or goal element"),
            new FieldError("elements." + P, "is on a cycle that passes no wait or goal element"));
  }

  @Test
  void aCycleThroughAWaitIsAllowed() {
    assertThat(
            problems(
                doc(
                    trigger(T, "user_registered", "{}", G),
                    element(G, "email", "'template_code':'done'", edge(P, "positive"))
                        + ","
                        + element(P, "wait", "'minutes':60", edge(G, "positive")))))
        .isEmpty();
  }

  @Test
  void anElementNoTriggerLeadsToIsRefused() {
    List<FieldError> errors =
        problems(
            doc(
                trigger(T, "user_registered", "{}", G),
                element(G, "wait", "'minutes':5", "")
                    + ","
                    + element(P, "email", "'template_code':'done'", edge(N, "positive"))
                    + ","
                    + element(N, "email", "'template_code':'done'", "")));
    assertThat(errors)
        .containsExactly(
            new FieldError("elements." + P, "is not reachable from any trigger"),
            new FieldError("elements." + N, "is not reachable from any trigger"));
  }

  @Test
  void abTestDescendantsNeedAVariantPosition() {
    String variants =
        "'variants':[{'code':'a','name':'A','distribution':50},{'code':'b','name':'B','distribution':50}]";
    List<FieldError> errors =
        problems(
            doc(
                trigger(T, "user_registered", "{}", G),
                element(
                        G,
                        "ab_test",
                        variants,
                        "{'uuid':'"
                            + P
                            + "','direction':'positive','position':0},{'uuid':'"
                            + N
                            + "','direction':'positive','position':2}")
                    + ","
                    + element(P, "wait", "'minutes':1", "")
                    + ","
                    + element(N, "wait", "'minutes':1", "")));
    assertThat(errors)
        .containsExactly(
            new FieldError(
                "elements." + G,
                "descendant '" + N + "': position must be a variant index from 0 to 1"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "birthday|{}|unknown trigger event code 'birthday' (one of event_received, goal_completed, goal_timed_out, segment_entered, segment_left, user_registered)",
        "event_received|{}|event_received: option 'event_name' is required",
        "goal_completed|{'goal_code':'nope'}|unknown goal code 'nope'",
        "segment_entered|{'segment_code':''}|segment_entered: option 'segment_code' is required"
      })
  void triggersNeedAKnownCodeAndTheirOption(String code, String options, String message) {
    List<FieldError> errors =
        problems(doc(trigger(T, code, options, G), element(G, "wait", "'minutes':5", "")));
    assertThat(errors).containsExactly(new FieldError("triggers." + T, message));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "goal_expires|{'minutes':60,'goal_code':'g1'}|",
        "field:birthday|{'minutes':1440}|",
        "goal_expires|{'minutes':60}|before_event goal_expires: option 'goal_code' is required",
        "goal_expires|{'minutes':60,'goal_code':'nope'}|before_event goal_expires: goal 'nope' does not exist",
        "field:plan|{'minutes':5}|before_event field:plan: the field is of type string, not date",
        "field:nope|{'minutes':5}|before_event field:nope: no custom user field has the code 'nope'",
        "subscription_ends|{'minutes':5}|before_event: unknown dated event 'subscription_ends' (known: goal_expires, field:<code>)",
        "field|{'minutes':5}|before_event: unknown dated event 'field' (known: goal_expires, field:<code>)",
        "goal_expires:g1|{'minutes':5,'goal_code':'g1'}|before_event: unknown dated event 'goal_expires:g1' (known: goal_expires, field:<code>)",
        "Field:X|{'minutes':5}|before_event: the event code must be one of goal_expires, field:<code> (as [a-z0-9_.-], a colon and an argument for field)",
        "goal_expires|{'goal_code':'g1'}|before_event: option 'minutes' is required (an integer from 1 to 5256000, ten years)",
        "goal_expires|{'goal_code':'g1','minutes':5256001}|before_event: option 'minutes' is required (an integer from 1 to 5256000, ten years)"
      })
  void beforeEventsNameARegisteredDatedEvent(String code, String options, String message) {
    List<FieldError> errors =
        problems(
            doc(
                typedTrigger(T, "before_event", code, options, G),
                element(G, "wait", "'minutes':5", "")));
    if (message == null) {
      assertThat(errors).isEmpty();
    } else {
      assertThat(errors).containsExactly(new FieldError("triggers." + T, message));
    }
  }

  /** The document with exit criteria and a re-entry rule added (JSON with single quotes). */
  private static JsonObject withFlow(String exit, String reentry) {
    JsonObject base =
        doc(trigger(T, "user_registered", "{}", G), element(G, "wait", "'minutes':5", ""));
    return jakarta.json.Json.createObjectBuilder(base)
        .add("exit", Documents.json("{'x':" + exit + "}").get("x"))
        .add("reentry", Documents.json("{'x':" + reentry + "}").get("x"))
        .build();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[{'trigger':{'code':'goal_completed','options':{'goal_code':'g1'}}}]|{'mode':'once'}|",
        "[]|{'mode':'after_days','days':30}|",
        "[{'trigger':{'code':'birthday'}}]|{'mode':'always'}|exit[0].trigger: unknown trigger event code 'birthday' (one of event_received, goal_completed, goal_timed_out, segment_entered, segment_left, user_registered)",
        "[{'trigger':{'code':'goal_completed','options':{'goal_code':'nope'}}}]|{'mode':'always'}|exit[0].trigger: unknown goal code 'nope'",
        "[{'trigger':{'code':'event_received'}}]|{'mode':'always'}|exit[0].trigger: event_received: option 'event_name' is required",
        "[]|{'mode':'twice'}|reentry.mode: unknown mode 'twice' (always, once or after_days)",
        "[]|{'mode':'after_days'}|reentry.days: is required: 1 to 3650 days",
        "[]|{'mode':'after_days','days':0}|reentry.days: is required: 1 to 3650 days",
        "[]|{'mode':'once','days':3}|reentry.days: is only for the mode after_days"
      })
  void exitCriteriaAreTriggersOfTheVocabularyAndReentryHasAMode(
      String exit, String reentry, String problem) {
    List<FieldError> errors = problems(withFlow(exit, reentry));
    if (problem == null) {
      assertThat(errors).isEmpty();
    } else {
      int colon = problem.indexOf(": ");
      assertThat(errors)
          .containsExactly(
              new FieldError(problem.substring(0, colon), problem.substring(colon + 2)));
    }
  }

  @Test
  void exitAndReentryOfTheWrongShapeArePayloadErrors() {
    assertThatThrownBy(() -> DocumentParser.parse(withFlow("{}", "[]")))
        .isInstanceOf(io.waymark.platform.error.WaymarkException.class)
        .satisfies(
            e ->
                assertThat(((io.waymark.platform.error.WaymarkException) e).errors())
                    .extracting(FieldError::path)
                    .containsExactly("exit", "reentry"));
    assertThatThrownBy(
            () -> DocumentParser.parse(withFlow("[]", "{'mode':'after_days','days':4294967303}")))
        .satisfies(
            e ->
                assertThat(((io.waymark.platform.error.WaymarkException) e).errors())
                    .containsExactly(new FieldError("reentry.days", "is out of range")));
    assertThatThrownBy(() -> DocumentParser.parse(withFlow("[{'trigger':'x'}]", "{'mode':'once'}")))
        .satisfies(
            e ->
                assertThat(((io.waymark.platform.error.WaymarkException) e).errors())
                    .extracting(FieldError::path)
                    .containsExactly("exit[0].trigger"));
  }

  @Test
  void namesAndTheEventNameLongerThanTheirColumnsAreRefused() {
    String longText = "n".repeat(256);
    JsonObject document =
        doc(
            trigger(T, "event_received", "{'event_name':'" + longText + "'}", G),
            element(G, "wait", "'minutes':5", ""));
    var triggerJson = document.getJsonObject("triggers").getJsonObject(T);
    var elementJson = document.getJsonObject("elements").getJsonObject(G);
    JsonObject renamed =
        jakarta.json.Json.createObjectBuilder(document)
            .add(
                "triggers",
                jakarta.json.Json.createObjectBuilder()
                    .add(
                        T,
                        jakarta.json.Json.createObjectBuilder(triggerJson).add("name", longText)))
            .add(
                "elements",
                jakarta.json.Json.createObjectBuilder()
                    .add(
                        G,
                        jakarta.json.Json.createObjectBuilder(elementJson).add("name", longText)))
            .build();
    assertThat(problems(renamed))
        .containsExactly(
            new FieldError("triggers." + T, "the name must have at most 255 characters"),
            new FieldError(
                "triggers." + T,
                "event_received: option 'event_name' must have at most 255 characters"),
            new FieldError("elements." + G, "the name must have at most 255 characters"));
    String exactly = "n".repeat(255);
    assertThat(
            problems(
                doc(
                    trigger(T, "event_received", "{'event_name':'" + exactly + "'}", G),
                    element(G, "wait", "'minutes':5", ""))))
        .isEmpty();
  }

  @Test
  void everyProblemIsCollectedIntoOneValidationError() {
    JsonObject bad =
        doc(
            trigger(T, "event_received", "{}", G, X),
            element(G, "wait", "", edge(G, "positive"))
                + ","
                + element(P, "email", "'template_code':'done'", ""));
    assertThatThrownBy(
            () ->
                ScenarioValidator.validate(
                    DocumentParser.parse(bad), Documents.KNOWN, Vocabularies.STANDARD))
        .isInstanceOfSatisfying(
            WaymarkException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("validation_error");
              assertThat(e.errors())
                  .extracting(FieldError::message)
                  .containsExactlyInAnyOrder(
                      "event_received: option 'event_name' is required",
                      "starts element '" + X + "', which does not exist",
                      "wait: option 'minutes' is required",
                      "links to itself",
                      "is not reachable from any trigger");
            });
  }

  @Test
  void theTriggerMatchValueIsItsMatchOption() {
    ScenarioDefinition d =
        DocumentParser.parse(
            doc(
                trigger(T, "event_received", "{'event_name':'paid'}", G),
                element(G, "wait", "'minutes':5", "")));
    ScenarioStore store = new ScenarioStore();
    store.triggers = Vocabularies.triggers();
    assertThat(store.matchValue(d.triggers().get(T))).isEqualTo("paid");
  }
}
