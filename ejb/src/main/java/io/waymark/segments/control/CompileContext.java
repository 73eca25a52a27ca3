package io.waymark.segments.control;

import io.waymark.platform.error.FieldError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * State of one compilation: collected errors, and the segments being expanded (to refuse cycles).
 */
public final class CompileContext {

  private final List<FieldError> errors;
  private final Function<String, Optional<Criteria>> segments;
  private final Deque<String> expanding = new ArrayDeque<>();

  public CompileContext(List<FieldError> errors, Function<String, Optional<Criteria>> segments) {
    this.errors = errors;
    this.segments = segments;
  }

  public void error(String path, String message) {
    errors.add(new FieldError(path, message));
  }

  public boolean failed() {
    return !errors.isEmpty();
  }

  /** The criteria of a saved segment, for {@code segment.member}. */
  public Optional<Criteria> segment(String code) {
    return segments.apply(code);
  }

  public boolean enter(String code) {
    if (expanding.contains(code)) {
      return false;
    }
    expanding.push(code);
    return true;
  }

  public void leave() {
    expanding.pop();
  }
}
