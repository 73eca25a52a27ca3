package io.waymark.platform.api;

import static io.waymark.platform.api.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.error.WaymarkException;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keyset paging of SPEC §1: {@code ?limit=} (default 50, max 1,000), {@code ?after=<cursor>}. */
class PagingTest {

  /** A listed row: only its id matters to the paging. */
  private record Row(long id) {}

  private static List<Row> rows(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(Row::new).toList();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void noLimitMeansFiftyAndNoCursorMeansTheFirstPage(String absent) {
    Paging paging = Paging.of(absent, absent);
    assertThat(paging.limit()).isEqualTo(50);
    assertThat(paging.after()).isNull();
    assertThat(paging.fetchSize()).isEqualTo(51);
  }

  @Test
  void limitsFromOneToAThousandAreTakenAndTrimmed() {
    assertThat(Paging.of("1", null).limit()).isEqualTo(1);
    assertThat(Paging.of(" 20 ", null).limit()).isEqualTo(20);
    assertThat(Paging.of("1000", null).limit()).isEqualTo(1000);
    assertThat(Paging.of("1000", null).fetchSize()).isEqualTo(1001);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "1001", "99999999999", "ten", "10.5", "1e2", "0x10", "5 0"})
  void aLimitOutsideOneToAThousandOrNoIntegerIsAnInvalidLimit(String limit) {
    WaymarkException e = failure(() -> Paging.of(limit, null));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("invalid_input");
    assertThat(e.getMessage()).isEqualTo("Invalid parameter 'limit'");
  }

  @Test
  void theCursorIsTheLastIdSeen() {
    assertThat(Paging.of(null, "301109").after()).isEqualTo(301109L);
    assertThat(Paging.of(null, " 0 ").after()).isZero();
    assertThat(Paging.of("10", String.valueOf(Long.MAX_VALUE)))
        .isEqualTo(new Paging(Long.MAX_VALUE, 10));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.5", "9223372036854775808", "12abc", "MTIz"})
  void aCursorThatIsNoIdIsAnInvalidAfter(String after) {
    WaymarkException e = failure(() -> Paging.of("10", after));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("invalid_input");
    assertThat(e.getMessage()).isEqualTo("Invalid parameter 'after'");
  }

  @Test
  void aBadLimitIsReportedBeforeABadCursor() {
    assertThat(failure(() -> Paging.of("0", "x")).getMessage())
        .isEqualTo("Invalid parameter 'limit'");
  }

  @Test
  void aFullFetchMeansAnotherPageWhoseCursorIsTheLastIdShown() {
    Paging paging = Paging.of("3", null);
    String page = paging.page(rows(11, 14), Row::id, row -> row.id()).build().toString();
    assertThat(page).isEqualTo("{\"status\":\"ok\",\"items\":[11,12,13],\"next\":\"13\"}");
  }

  @Test
  void aShortFetchIsTheLastPage() {
    Paging paging = Paging.of("3", "10");
    assertThat(paging.page(rows(11, 13), Row::id, row -> row.id()).build().toString())
        .isEqualTo("{\"status\":\"ok\",\"items\":[11,12,13],\"next\":null}");
    assertThat(paging.page(rows(11, 12), Row::id, row -> row.id()).build().toString())
        .isEqualTo("{\"status\":\"ok\",\"items\":[11,12],\"next\":null}");
  }

  @Test
  void anEmptyFetchIsAnEmptyLastPage() {
    assertThat(Paging.of(null, "99").page(List.<Row>of(), Row::id, row -> row.id()).build())
        .hasToString("{\"status\":\"ok\",\"items\":[],\"next\":null}");
  }

  @Test
  void itemsAreWrittenByTheGivenMapping() {
    Paging paging = Paging.of("1", null);
    String page =
        paging
            .page(rows(7, 8), Row::id, row -> Json.object().put("id", row.id()).put("seen", true))
            .build()
            .toString();
    assertThat(page)
        .isEqualTo("{\"status\":\"ok\",\"items\":[{\"id\":7,\"seen\":true}],\"next\":\"7\"}");
  }
}
