package io.waymark.platform.templates;

import java.math.BigInteger;

/**
 * How many items Pebble's {@code range(start, end, increment)} would produce, computed without
 * producing them (the built-in builds the whole list first). 0 for arguments Pebble refuses itself.
 */
final class RangeSize {

  private RangeSize() {}

  static long of(Object start, Object end, Object increment) {
    long step;
    if (increment == null) {
      step = 1;
    } else if (increment instanceof Number n) {
      step = n.longValue();
    } else {
      return 0;
    }
    if (start instanceof Number s && end instanceof Number e) {
      return span(s.longValue(), e.longValue(), step);
    }
    if (start instanceof String s
        && end instanceof String e
        && s.length() == 1
        && e.length() == 1) {
      return span(s.charAt(0), e.charAt(0), step);
    }
    return 0;
  }

  static long span(long start, long end, long step) {
    if (step == 0) {
      return 0;
    }
    BigInteger distance = BigInteger.valueOf(end).subtract(BigInteger.valueOf(start));
    if (distance.signum() != 0 && distance.signum() != Long.signum(step)) {
      return 0;
    }
    BigInteger items = distance.divide(BigInteger.valueOf(step)).abs().add(BigInteger.ONE);
    return items.bitLength() < Long.SIZE ? items.longValue() : Long.MAX_VALUE;
  }
}
