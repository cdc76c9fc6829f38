package org.civic311;

import java.util.Map;
import org.civic311.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts Civic311: the web application, or a command-line task when arguments name one. */
@SpringBootApplication
public class Civic311Application {

  public static void main(String[] args) {
    if (CommandLine.isCommand(args)) {
      System.exit(CommandLine.runAndClose(args, Civic311Application::startForCommand, System.out, System.err));
    }
    SpringApplication.run(Civic311Application.class, args);
  }

  /**
   * The application without its web server, for one command. Logs stay at WARN so that the command's
   * own output (e.g. a new key's secret) is not buried in start-up lines.
   */
  static ConfigurableApplicationContext startForCommand() {
    SpringApplication application = new SpringApplication(Civic311Application.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setLogStartupInfo(false);
    application.setDefaultProperties(Map.of("logging.level.root", "WARN"));
    return application.run();
  }
}
