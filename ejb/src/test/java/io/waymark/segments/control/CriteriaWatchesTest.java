package io.waymark.segments.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.criteria.CompileContext;
import io.waymark.platform.criteria.Criteria;
import io.waymark.platform.criteria.CriteriaParser;
import io.waymark.platform.criteria.Watch;
import io.waymark.platform.error.FieldError;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What can flip a tree between recounts: each criterion names its watch, or none. */
class CriteriaWatchesTest {

  private static Criteria tree(String json) {
    try (var reader = Json.createReader(new StringReader(json.replace('\'', '"')))) {
      return CriteriaParser.parse(
          reader.readValue(),
          "criteria",
          new CompileContext(new ArrayList<FieldError>(), c -> Optional.empty()));
    }
  }

  @Test
  void eachCriterionNamesWhatCanFlipItAndSegmentMemberNamesNothing() {
    Criteria criteria =
        tree(
            "{'type':'and','nodes':["
                + "{'type':'criterion','key':'user.field','params':{'field':'fields.plan','operator':'eq','value':'x'}},"
                + "{'type':'not','nodes':[{'type':'criterion','key':'event.count','params':{'name':'login','operator':'gte','count':1,'within_days':7}}]},"
                + "{'type':'or','nodes':["
                + "{'type':'criterion','key':'goal.state','params':{'goal_code':'g1','state':'active'}},"
                + "{'type':'criterion','key':'segment.member','params':{'segment_code':'vip'}},"
                + "{'type':'criterion','key':'user.field','params':{'field':'fields.plan','operator':'ne','value':'y'}}]}]}");
    assertThat(StandardCriteria.compiler().watches(criteria))
        .containsExactly(
            new Watch.Field("fields.plan"),
            new Watch.Event("login", 7),
            new Watch.Goal("g1", null));
  }
}
