package io.waymark.scenarios.engine.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.waymark.platform.json.JsonSupport;
import java.io.StringReader;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AbChooserTest {

  @Test
  void choosesByTheDistribution() {
    Random random = new Random(42);
    int[] counts = new int[3];
    for (int i = 0; i < 100_000; i++) {
      counts[AbChooser.choose(List.of(20.0, 30.0, 50.0), random::nextDouble)]++;
    }
    assertThat(counts[0] / 100_000.0).isCloseTo(0.2, within(0.01));
    assertThat(counts[1] / 100_000.0).isCloseTo(0.3, within(0.01));
    assertThat(counts[2] / 100_000.0).isCloseTo(0.5, within(0.01));
  }

  @Test
  void aZeroWeightIsNeverChosenAndAllZeroIsUniform() {
    assertThat(AbChooser.choose(List.of(0.0, 1.0), () -> 0.0)).isEqualTo(1);
    assertThat(AbChooser.choose(List.of(1.0, 0.0), () -> 0.999999)).isEqualTo(0);
    assertThat(AbChooser.choose(List.of(0.0, 0.0), () -> 0.75)).isEqualTo(1);
  }

  @Test
  void readsTheWeightsOfTheVariantsOption() {
    var options =
        JsonSupport.JSON
            .createReader(
                new StringReader(
                    "{\"variants\":[{\"code\":\"a\",\"distribution\":70},{\"code\":\"b\",\"distribution\":30},{\"code\":\"c\"}]}"))
            .readObject();
    assertThat(AbChooser.weights(options)).containsExactly(70.0, 30.0, 0.0);
  }
}
