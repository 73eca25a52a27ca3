package io.waymark.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class KeysetPageTest {

  /** ids 1..12, pages of 5 */
  private final KeysetPage.Source<Long> source =
      new KeysetPage.Source<>() {
        @Override
        public List<Long> after(Long afterId, int limit) {
          long from = afterId == null ? 0 : afterId;
          return LongStream.rangeClosed(1, 12).filter(i -> i > from).limit(limit).boxed().toList();
        }

        @Override
        public List<Long> before(long beforeId, int limit) {
          return LongStream.rangeClosed(1, 12)
              .filter(i -> i < beforeId)
              .boxed()
              .sorted((a, b) -> Long.compare(b, a))
              .limit(limit)
              .sorted()
              .toList();
        }
      };

  private final ToLongFunction<Long> id = Long::longValue;

  @Test
  void firstPageHasNextOnly() {
    KeysetPage<Long> page = KeysetPage.load(null, null, 5, source, id);
    assertThat(page.getItems()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(page.isHasNext()).isTrue();
    assertThat(page.isHasPrevious()).isFalse();
    assertThat(page.getNextCursor()).isEqualTo(5L);
  }

  @Test
  void nextAndLastPage() {
    KeysetPage<Long> middle = KeysetPage.load("5", null, 5, source, id);
    assertThat(middle.getItems()).containsExactly(6L, 7L, 8L, 9L, 10L);
    assertThat(middle.isHasNext()).isTrue();
    assertThat(middle.isHasPrevious()).isTrue();
    assertThat(middle.getPreviousCursor()).isEqualTo(6L);

    KeysetPage<Long> last = KeysetPage.load("10", null, 5, source, id);
    assertThat(last.getItems()).containsExactly(11L, 12L);
    assertThat(last.isHasNext()).isFalse();
    assertThat(last.isHasPrevious()).isTrue();
  }

  @Test
  void previousPageGoesBackAndFillsTheFirstPage() {
    assertThat(KeysetPage.load(null, "11", 5, source, id).getItems())
        .containsExactly(6L, 7L, 8L, 9L, 10L);
    KeysetPage<Long> start = KeysetPage.load(null, "4", 5, source, id);
    assertThat(start.getItems()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(start.isHasPrevious()).isFalse();
  }

  @Test
  void pastTheEndOffersTheWayBack() {
    KeysetPage<Long> empty = KeysetPage.load("99", null, 5, source, id);
    assertThat(empty.getItems()).isEmpty();
    assertThat(empty.isHasPrevious()).isTrue();
    assertThat(
            KeysetPage.load(null, String.valueOf(empty.getPreviousCursor()), 5, source, id)
                .getItems())
        .containsExactly(8L, 9L, 10L, 11L, 12L);
  }

  @Test
  void malformedCursorShowsTheFirstPageWithAProblem() {
    KeysetPage<Long> page = KeysetPage.load("abc", null, 5, source, id);
    assertThat(page.getItems()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(page.getProblem()).contains("'abc' is not a page position");
    assertThat(KeysetPage.load(null, "-3", 5, source, id).getProblem()).isNotNull();
  }
}
