package org.opsbook.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsbook.core.Channel;
import org.opsbook.core.spi.MessageGateway.OutgoingMessage;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The demo gateway's log: what it shows of an SMS, and what it masks. */
@ExtendWith(OutputCaptureExtension.class)
class LoggingMessageGatewayTest {
  @Test
  void theLoggedSmsMasksTheDirectorysNamesAsWellAsNumbers(CapturedOutput output) {
    // before: numbers alone were masked, so the follow-up person's name reached the log in clear
    OutgoingMessage sms = new OutgoingMessage("F-SB-1/NOTIFICATION/1", Channel.SMS,
        "【故障通知】缴费后无法开机，故障跟进人:张三，联系电话13800000008", List.of());
    new ApplicationContextRunner().withUserConfiguration(DemoBeans.class).withBean(Clock.class, Clock::systemUTC)
        .run(context -> context.getBean(LoggingMessageGateway.class).send(sms));
    assertThat(output.getAll()).contains("SMS F-SB-1/NOTIFICATION/1 to 0 people:", "故障跟进人:张*，", "138****0008")
        .doesNotContain("张三", "13800000008");
  }
}
