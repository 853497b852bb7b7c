package org.zuofeng.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/**
 * An OIDC provider that a test can take away and bring back: on 127.0.0.1, at a port chosen before the application
 * starts, it publishes the discovery document and the signing key of {@link Tokens} (the test OIDC server's key).
 */
public final class StandInProvider {

    private static final String REALM = "/realms/quarkus";

    private final int port;
    private HttpServer server;

    private StandInProvider(int port) {
        this.port = port;
    }

    /** A provider on a free port, not yet started. */
    public static StandInProvider onFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return new StandInProvider(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL the application is configured with, as {@code quarkus.oidc.auth-server-url}. */
    public String authServerUrl() {
        return "http://127.0.0.1:" + port + REALM;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = authServerUrl();
        String discovery = "{\"issuer\":\"" + Tokens.ISSUER + "\",\"jwks_uri\":\"" + base
                + "/protocol/openid-connect/certs\",\"token_endpoint\":\"" + base
                + "/protocol/openid-connect/token\",\"authorization_endpoint\":\"" + base
                + "/protocol/openid-connect/auth\"}";
        server.createContext(REALM + "/.well-known/openid-configuration", exchange -> answer(exchange, discovery));
        server.createContext(REALM + "/protocol/openid-connect/certs",
                exchange -> answer(exchange, "{\"keys\":[" + publicKey() + "]}"));
        server.start();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String publicKey() {
        try (InputStream jwk = StandInProvider.class.getClassLoader().getResourceAsStream("publicKey.jwk")) {
            return new String(jwk.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
