package io.waymark.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PayaraDomainTest {

  private static final String TEMPLATE =
      """
      <domain>
        <jdbc-connection-pool name="__TimerPool">
          <property name="URL" value="jdbc:h2:${com.sun.aas.instanceRoot}/lib/databases/ejbtimer;AUTO_SERVER=TRUE"></property>
        </jdbc-connection-pool>
        <config name="server-config">
          <hazelcast-config-specific-configuration></hazelcast-config-specific-configuration>
        </config>
        <config name="default-config">
          <jms-service><jms-host port="${JMS_PROVIDER_PORT}" host="localhost" name="default_JMS_host"></jms-host></jms-service>
        </config>
      </domain>
      """;

  @Test
  void theBrokerTheDataGridAndH2StayOffTheNetwork() {
    String xml = PayaraDomain.keepListenersLocal(TEMPLATE);
    assertThat(xml)
        .contains(
            "<jms-host port=\"${JMS_PROVIDER_PORT}\" host=\"127.0.0.1\" name=\"default_JMS_host\">")
        .doesNotContain("localhost")
        .doesNotContain("AUTO_SERVER")
        .contains("lib/databases/ejbtimer\"")
        .contains("<hazelcast-config-specific-configuration enabled=\"false\">");
  }

  @Test
  void aJmsHostWithoutAHostAttributeGetsOne() {
    String xml =
        PayaraDomain.keepListenersLocal(
            TEMPLATE.replace(
                "<hazelcast-config-specific-configuration></hazelcast-config-specific-configuration>",
                "<hazelcast-config-specific-configuration></hazelcast-config-specific-configuration>"
                    + "<jms-service><jms-host port=\"1\" name=\"other\"></jms-host></jms-service>"));
    assertThat(xml).contains("<jms-host host=\"127.0.0.1\" port=\"1\" name=\"other\">");
  }

  @Test
  void anUnexpectedTemplateFailsInsteadOfLeavingAListenerOpen() {
    assertThatThrownBy(() -> PayaraDomain.keepListenersLocal("<domain></domain>"))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("Unexpected Payara domain.xml");
  }
}
