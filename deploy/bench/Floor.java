import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * P1's floor: the same request answered with nothing but the service's own HTTP layer (Vert.x on Netty, the same
 * jars) and the one SQL statement of P1's baseline, run through the same PostgreSQL driver, on a worker thread as
 * the service runs a blocking endpoint, and written as JSON by Jackson's generator. No framework, no token check, no
 * masking: what is left of P1's cost when everything the service adds is taken away.
 * <p>
 * deploy/bench/run starts it from source with the jar's libraries on the class path:
 * {@code java --class-path 'target/quarkus-app/lib/main/*' deploy/bench/Floor.java PORT JDBC_URL}
 * and stops it by its PID. It binds to 127.0.0.1 only.
 */
public class Floor {

    private static final String SELECT = "SELECT o.* FROM officials o WHERE o.id = ?";
    private static final int CONNECTIONS = 16;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(CONNECTIONS);
        for (int i = 0; i < CONNECTIONS; i++) {
            pool.add(DriverManager.getConnection(args[1]));
        }
        JsonFactory json = new JsonFactory();
        Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(CONNECTIONS));
        vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            if (request.getHeader("Authorization") == null || !path.startsWith("/api/v1/officials/")) {
                request.response().setStatusCode(404).end();
                return;
            }
            UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
            vertx.executeBlocking(() -> official(pool, id, json), false).onComplete(answer -> {
                if (answer.failed()) {
                    request.response().setStatusCode(500).end();
                } else if (answer.result() == null) {
                    request.response().setStatusCode(404).end();
                } else {
                    request.response().putHeader("Content-Type", "application/json")
                            .end(Buffer.buffer(answer.result()));
                }
            });
        }).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        System.out.println("floor listening on 127.0.0.1:" + port);
    }

    /** The row as a JSON object of its columns, or null when there is none. */
    private static byte[] official(BlockingQueue<Connection> pool, UUID id, JsonFactory json) throws Exception {
        Connection connection = pool.take();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                var bytes = new ByteArrayOutputStream(512);
                try (JsonGenerator out = json.createGenerator(bytes)) {
                    out.writeStartObject();
                    var columns = row.getMetaData();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        Object value = row.getObject(c);
                        out.writeStringField(columns.getColumnLabel(c), value == null ? null : value.toString());
                    }
                    out.writeEndObject();
                }
                return bytes.toByteArray();
            }
        } finally {
            pool.add(connection);
        }
    }
}
