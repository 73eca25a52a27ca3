package io.waymark.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.waymark.platform.error.WaymarkException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The domain error a call must throw, for tests that then check its status, code and message. */
final class Failures {

  private Failures() {}

  static WaymarkException failure(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown)
        .as("the call must fail with a WaymarkException")
        .isInstanceOf(WaymarkException.class);
    return (WaymarkException) thrown;
  }
}
