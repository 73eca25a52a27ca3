package io.waymark.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

class RecordElResolverTest {

  public record Sample(String name, boolean active) {
    public String getShout() {
      return name.toUpperCase();
    }
  }

  private final RecordElResolver resolver = new RecordElResolver();
  private final ELContext context =
      new ELContext() {
        @Override
        public ELResolver getELResolver() {
          return resolver;
        }

        @Override
        public FunctionMapper getFunctionMapper() {
          return null;
        }

        @Override
        public VariableMapper getVariableMapper() {
          return null;
        }
      };

  @Test
  void readsComponentsAndLeavesOtherNamesAlone() {
    Sample sample = new Sample("ada", true);
    assertThat(resolver.getValue(context, sample, "name")).isEqualTo("ada");
    assertThat(context.isPropertyResolved()).isTrue();
    assertThat(resolver.getValue(context, sample, "active")).isEqualTo(true);

    context.setPropertyResolved(false);
    assertThat(resolver.getValue(context, sample, "shout")).isNull();
    assertThat(context.isPropertyResolved()).isFalse();
    assertThat(resolver.getValue(context, "not a record", "name")).isNull();
    assertThat(context.isPropertyResolved()).isFalse();
  }

  @Test
  void componentsAreReadOnly() {
    Sample sample = new Sample("ada", true);
    assertThat(resolver.isReadOnly(context, sample, "name")).isTrue();
    assertThatThrownBy(() -> resolver.setValue(context, sample, "name", "bob"))
        .isInstanceOf(PropertyNotWritableException.class);
  }
}
