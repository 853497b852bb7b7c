package org.zuofeng.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Keeps the application under test on the loopback interface, also when the packaged jar runs in prod mode, and
 * lets it send webhooks to receivers on loopback (production allows only public https targets).
 */
public class LoopbackResource implements QuarkusTestResourceLifecycleManager {

    /** The webhook targets a test's receivers listen on. */
    public static final String WEBHOOK_TARGETS = "127.0.0.1:*";

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.http.host", "127.0.0.1", "zuofeng.webhooks.allowed-targets", WEBHOOK_TARGETS);
    }

    @Override
    public void stop() {
    }
}
