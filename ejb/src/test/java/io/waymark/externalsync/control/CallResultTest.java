package io.waymark.externalsync.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallResultTest {

  @Test
  void twoHundredsAreDeliveredAndNotFoundIsIgnored() {
    assertThat(CallResult.answered(200).delivered()).isTrue();
    assertThat(CallResult.answered(204).delivered()).isTrue();
    assertThat(CallResult.answered(404).ignored()).isTrue();
    assertThat(CallResult.answered(404).delivered()).isFalse();
  }

  @Test
  void everythingElseIsRetried() {
    for (CallResult r :
        new CallResult[] {
          CallResult.answered(500),
          CallResult.answered(401),
          CallResult.answered(302),
          CallResult.unreachable("ConnectException")
        }) {
      assertThat(r.delivered()).as(r.describe()).isFalse();
      assertThat(r.ignored()).as(r.describe()).isFalse();
    }
    assertThat(CallResult.answered(503).describe()).isEqualTo("HTTP 503");
    assertThat(CallResult.unreachable("ConnectException").describe()).isEqualTo("ConnectException");
  }
}
