package org.civic311.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.webhooks.Webhooks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest(properties = "civic311.webhooks.sender-enabled=false")
class WebhookCommandsTests {

  @Autowired ApplicationContext context;
  @Autowired Webhooks webhooks;

  @Test
  void webhook_add_prints_the_secret_once_and_list_shows_the_endpoint_without_it() {
    Run added = run("webhook", "add", "--url", "https://workorders.example.gov/civic311", "--events", "request.submitted, request.resolved");
    assertThat(added.code()).as(added.err()).isZero();
    Matcher m = Pattern.compile("Registered webhook endpoint (\\S+) for .*\\RSigning secret: (whsec_\\S+)").matcher(added.out());
    assertThat(m.find()).as(added.out()).isTrue();

    Run listed = run("webhook", "list");
    assertThat(listed.out()).contains(m.group(1), "https://workorders.example.gov/civic311", "request.resolved,request.submitted")
        .doesNotContain(m.group(2));

    Run removed = run("webhook", "remove", m.group(1));
    assertThat(removed.code()).isZero();
    assertThat(run("webhook", "list").out()).contains(m.group(1) + "  no ");
  }

  @Test
  void webhook_add_explains_what_is_wrong() {
    Run unknownType = run("webhook", "add", "--url", "https://x.example.gov/h", "--events", "request.exploded");
    assertThat(unknownType.code()).isEqualTo(CommandLine.FAILED);
    assertThat(unknownType.err()).contains("Unknown event type 'request.exploded'");

    Run noUrl = run("webhook", "add");
    assertThat(noUrl.code()).isEqualTo(CommandLine.USAGE);
    assertThat(noUrl.err()).contains("--url");

    Run badId = run("webhook", "retry", "not-a-uuid");
    assertThat(badId.code()).isEqualTo(CommandLine.USAGE);
    assertThat(badId.err()).contains("Not a delivery id: not-a-uuid");
  }

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        CommandLine.run(args, () -> context, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  record Run(int code, String out, String err) {}
}
