import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Executors;

/**
 * The yardstick of issue 2 measured on the machine at hand: a bare JDK HTTP server doing one
 * primary-key read (GET /read/{number}) or one insert (POST /insert) per request on the same
 * PostgreSQL as Civic311, with the same durable commits. Nothing else: no framework, no
 * validation, no security headers. Machines differ (the same Civic311 build gave 7,327 and 3,010
 * GETs a second on two machines of the same kind), so bench/run.sh prints these figures beside
 * Civic311's, and a figure means something against the ceiling of its own machine.
 *
 * <p>Run by bench/run.sh: {@code java -cp postgresql.jar bench/Baseline.java PORT JDBC_URL USER THREADS}.
 */
public class Baseline {

  /** One connection and its statements per worker thread, as a pool of that size would give. */
  private static final class Worker {
    final PreparedStatement read;
    final PreparedStatement insert;

    Worker(Connection connection) throws SQLException {
      read = connection.prepareStatement(
          "SELECT number, status, category_code, description, address, latitude, longitude, submitted_at"
              + " FROM requests.service_request WHERE number = ?");
      insert = connection.prepareStatement(
          "INSERT INTO bench_baseline.insert_probe (description) VALUES (?) RETURNING id");
    }
  }

  public static void main(String[] args) throws Exception {
    // Without it, Nagle's algorithm holds the body behind the headers until the client's delayed
    // ACK (about 40 ms): a test of the JDK server's sockets, not of the machine.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int port = Integer.parseInt(args[0]);
    String url = args[1];
    String user = args[2];
    int threads = Integer.parseInt(args[3]);
    try (Connection setup = DriverManager.getConnection(url, user, "")) {
      setup.createStatement().execute("CREATE SCHEMA IF NOT EXISTS bench_baseline");
      setup.createStatement().execute(
          "CREATE TABLE IF NOT EXISTS bench_baseline.insert_probe"
              + " (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), description text)");
    }
    ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> {
      try {
        return new Worker(DriverManager.getConnection(url, user, ""));
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newFixedThreadPool(threads));
    server.createContext("/read/", exchange -> answer(exchange, () -> {
      var statement = workers.get().read;
      statement.setString(1, exchange.getRequestURI().getPath().substring("/read/".length()));
      try (var rs = statement.executeQuery()) {
        if (!rs.next()) return null;
        return "{\"service_request_id\":\"" + rs.getString(1) + "\",\"status\":\"" + rs.getString(2)
            + "\",\"service_code\":\"" + rs.getString(3) + "\",\"lat\":" + rs.getDouble(6)
            + ",\"long\":" + rs.getDouble(7) + ",\"requested_datetime\":\"" + rs.getObject(8) + "\"}";
      }
    }));
    server.createContext("/insert", exchange -> answer(exchange, () -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      var statement = workers.get().insert;
      statement.setString(1, new String(body, StandardCharsets.UTF_8));
      try (var rs = statement.executeQuery()) {
        rs.next();
        return "{\"id\":" + rs.getLong(1) + "}";
      }
    }));
    server.start();
    System.out.println("baseline listening on " + port);
  }

  private interface Body {
    String get() throws SQLException, IOException;
  }

  private static void answer(HttpExchange exchange, Body body) throws IOException {
    try (exchange) {
      String json;
      try {
        json = body.get();
      } catch (SQLException | RuntimeException e) {
        System.err.println(e);
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      if (json == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }
}
