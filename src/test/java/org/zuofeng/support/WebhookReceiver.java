package org.zuofeng.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * Another system's webhook endpoint, on loopback: it keeps every request it gets (headers by lower-case name, body)
 * and answers each with the status its test chooses (200 unless told otherwise).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request the receiver got. */
    public record Received(Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private final HttpServer server;
    /** This receiver's own path: a request for another one (a stale subscription, a port reused) is not counted. */
    private final String path = "/hook/" + java.util.UUID.randomUUID();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private volatile IntSupplier answer = () -> 200;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    List.copyOf(values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().equals(path)) {
                received.add(new Received(headers, body));
            }
            exchange.sendResponseHeaders(answer.getAsInt(), -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers every request from now on with {@code status}. */
    public void answer(int status) {
        answer = () -> status;
    }

    /** Answers every request from now on with what {@code answering} says, once the request is received. */
    public void answerWith(IntSupplier answering) {
        answer = answering;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
