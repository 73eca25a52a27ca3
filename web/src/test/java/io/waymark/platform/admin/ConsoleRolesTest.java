package io.waymark.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.users.boundary.Role;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConsoleRolesTest {

  @Test
  void constantsAreTheRoleIds() {
    assertThat(Arrays.stream(Role.values()).map(Role::id))
        .containsExactly(ConsoleRoles.ADMIN, ConsoleRoles.EDITOR, ConsoleRoles.VIEWER);
  }
}
