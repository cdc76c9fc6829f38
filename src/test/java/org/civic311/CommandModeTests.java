package org.civic311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.civic311.cli.CommandLine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The jar's command mode end to end: its own application without a web server, closed afterwards. */
class CommandModeTests {

  @Test
  void a_command_runs_without_a_web_server_and_closes_the_application() {
    AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        CommandLine.runAndClose(
            new String[] {"api-key", "create", "--name", "From the terminal"},
            () -> {
              ConfigurableApplicationContext context = Civic311Application.startForCommand();
              started.set(context);
              return context;
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Created API key k_");
    assertThat(started.get()).isNotInstanceOf(WebServerApplicationContext.class);
    assertThat(started.get().isActive()).isFalse();
  }
}
