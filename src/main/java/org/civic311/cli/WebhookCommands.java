package org.civic311.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civic311.webhooks.InvalidWebhook;
import org.civic311.webhooks.RegisteredEndpoint;
import org.civic311.webhooks.WebhookDelivery;
import org.civic311.webhooks.WebhookEndpoint;
import org.civic311.webhooks.Webhooks;
import org.springframework.context.ApplicationContext;

/** {@code webhook add|list|remove|failed|retry}: endpoints of city systems until the admin pages have them. */
final class WebhookCommands {

  static CommandLine.Command parse(List<String> args) {
    if (args.isEmpty()) throw new UsageError("webhook needs one of: add, list, remove, failed, retry");
    String action = args.getFirst();
    List<String> rest = args.subList(1, args.size());
    switch (action) {
      case "add" -> {
        Arguments parsed = Arguments.parse("webhook add", rest, Set.of("url", "events", "description"));
        parsed.expectPositional("webhook add", 0, "");
        URI url;
        String given = parsed.required("url", "<url>: where to send the events, e.g. --url https://workorders.example.gov/civic311");
        try {
          url = new URI(given.strip());
        } catch (URISyntaxException e) {
          throw new UsageError("--url is not a valid URL: " + given);
        }
        String events = parsed.optional("events");
        Set<String> types =
            new LinkedHashSet<>(Arrays.asList((events == null ? "*" : events).split("\\s*,\\s*")));
        String description = parsed.optional("description");
        return new Add(url, types, description == null ? "" : description);
      }
      case "list" -> {
        Arguments.parse("webhook list", rest, Set.of()).expectPositional("webhook list", 0, "");
        return new ListEndpoints();
      }
      case "remove" -> {
        Arguments parsed = Arguments.parse("webhook remove", rest, Set.of());
        parsed.expectPositional("webhook remove", 1, "the id of the endpoint (see webhook list)");
        return new Remove(uuid(parsed.positional().getFirst(), "endpoint"));
      }
      case "failed" -> {
        Arguments.parse("webhook failed", rest, Set.of()).expectPositional("webhook failed", 0, "");
        return new Failed();
      }
      case "retry" -> {
        Arguments parsed = Arguments.parse("webhook retry", rest, Set.of());
        parsed.expectPositional("webhook retry", 1, "the id of the failed delivery (see webhook failed)");
        return new Retry(uuid(parsed.positional().getFirst(), "delivery"));
      }
      default -> throw new UsageError("Unknown webhook command: " + action + " (use add, list, remove, failed or retry)");
    }
  }

  private static UUID uuid(String text, String what) {
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw new UsageError("Not a " + what + " id: " + text);
    }
  }

  record Add(URI url, Set<String> eventTypes, String description) implements CommandLine.Command {
    @Override
    public int execute(ApplicationContext context, PrintStream out, PrintStream err) {
      RegisteredEndpoint registered;
      try {
        registered = context.getBean(Webhooks.class).register(url, eventTypes, description);
      } catch (InvalidWebhook e) {
        err.println(e.getMessage());
        return CommandLine.FAILED;
      }
      out.println("Registered webhook endpoint " + registered.endpoint().id() + " for " + String.join(", ", registered.endpoint().eventTypes()) + ".");
      out.println("Signing secret: " + registered.secret());
      out.println("Copy the secret now: it will not be shown again. See docs/webhooks.md to check signatures.");
      return CommandLine.OK;
    }
  }

  record ListEndpoints() implements CommandLine.Command {
    @Override
    public int execute(ApplicationContext context, PrintStream out, PrintStream err) {
      List<WebhookEndpoint> endpoints = context.getBean(Webhooks.class).endpoints();
      if (endpoints.isEmpty()) {
        out.println("No webhook endpoints yet. Add one with: java -jar civic311.jar webhook add --url <url> --events '*'");
        return CommandLine.OK;
      }
      out.printf("%-36s  %-8s  %-20s  %-40s  %s%n", "ID", "ACTIVE", "CREATED", "EVENTS", "URL");
      for (WebhookEndpoint e : endpoints) {
        out.printf("%-36s  %-8s  %-20s  %-40s  %s%n", e.id(), e.active() ? "yes" : "no",
            e.createdAt().truncatedTo(ChronoUnit.SECONDS), String.join(",", e.eventTypes().stream().sorted().toList()), e.url());
      }
      return CommandLine.OK;
    }
  }

  record Remove(UUID id) implements CommandLine.Command {
    @Override
    public int execute(ApplicationContext context, PrintStream out, PrintStream err) {
      if (context.getBean(Webhooks.class).deactivate(id)) {
        out.println("Deactivated webhook endpoint " + id + ". It receives nothing from now on.");
        return CommandLine.OK;
      }
      err.println("No webhook endpoint " + id + " (see webhook list).");
      return CommandLine.FAILED;
    }
  }

  record Failed() implements CommandLine.Command {
    @Override
    public int execute(ApplicationContext context, PrintStream out, PrintStream err) {
      List<WebhookDelivery> failed = context.getBean(Webhooks.class).failedDeliveries(100);
      if (failed.isEmpty()) {
        out.println("No failed webhook deliveries.");
        return CommandLine.OK;
      }
      out.printf("%-36s  %-12s  %-24s  %-9s  %-8s  %s%n", "DELIVERY", "REQUEST", "EVENT", "STATUS", "ATTEMPTS", "LAST ERROR");
      for (WebhookDelivery d : failed) {
        // CANCELLED: the endpoint was removed while the delivery waited; it cannot be retried.
        out.printf("%-36s  %-12s  %-24s  %-9s  %-8d  %s%n", d.id(), d.requestNumber(), d.eventType(), d.status(), d.attempts(),
            d.lastError() == null ? "" : d.lastError());
      }
      return CommandLine.OK;
    }
  }

  record Retry(UUID id) implements CommandLine.Command {
    @Override
    public int execute(ApplicationContext context, PrintStream out, PrintStream err) {
      if (context.getBean(Webhooks.class).retry(id)) {
        out.println("Delivery " + id + " will be sent again within a few seconds, with the same id.");
        return CommandLine.OK;
      }
      err.println("No failed delivery " + id + " to an active endpoint (see webhook failed).");
      return CommandLine.FAILED;
    }
  }

  private WebhookCommands() {}
}
