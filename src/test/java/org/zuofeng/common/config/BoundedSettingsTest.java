package org.zuofeng.common.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zuofeng.assessment.AssessmentConfig;
import org.zuofeng.common.changelog.WaitsConfig;
import org.zuofeng.common.idempotency.IdempotencyConfig;
import org.zuofeng.imports.ImportsConfig;
import org.zuofeng.sync.SyncConfig;
import org.zuofeng.webhooks.WebhooksConfig;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bounded setting refuses a value below its bound as the configuration is read, naming the setting. */
class BoundedSettingsTest {

    @ParameterizedTest
    @CsvSource({"zuofeng.assessment.notice-days, 1", "zuofeng.idempotency.purge-batch-size, 1",
        "zuofeng.waits.max, 0", "zuofeng.imports.max-rows, 1", "zuofeng.sync.max-devices, 1",
        "zuofeng.webhooks.grant-days, 1"})
    void aValueBelowTheBoundIsRefusedAndTheBoundItselfTaken(String setting, int least) {
        assertDoesNotThrow(() -> read(setting, least));
        RuntimeException refused = assertThrows(RuntimeException.class, () -> read(setting, least - 1));
        String messages = messagesOf(refused);
        assertTrue(messages.contains(setting) && messages.contains("must be at least " + least), messages);
    }

    private static SmallRyeConfig read(String setting, int value) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredConverters()
                .withMapping(AssessmentConfig.class).withMapping(IdempotencyConfig.class)
                .withMapping(WaitsConfig.class).withMapping(ImportsConfig.class).withMapping(SyncConfig.class)
                .withMapping(WebhooksConfig.class)
                .withSources(new PropertiesConfigSource(Map.of(setting, String.valueOf(value)), "test", 500))
                .build();
    }

    private static String messagesOf(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                messages.append(suppressed.getMessage()).append('\n');
            }
        }
        return messages.toString();
    }
}
