package org.zuofeng.common.devdb;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded dev database starts only where it belongs: dev mode without a configured database. */
class DevDatabaseConfigSourceFactoryTest {

    @Test
    void itStartsInDevModeWithoutAConfiguredDatabase() {
        assertTrue(DevDatabaseConfigSourceFactory.wanted(context(List.of("dev"), Map.of())));
    }

    @Test
    void productionAndTestsNeverStartIt() {
        assertFalse(DevDatabaseConfigSourceFactory.wanted(context(List.of("prod"), Map.of())));
        assertFalse(DevDatabaseConfigSourceFactory.wanted(context(List.of("test"), Map.of())));
    }

    @Test
    void aConfiguredDatabaseWinsInDevModeToo() {
        assertFalse(DevDatabaseConfigSourceFactory.wanted(context(List.of("dev"),
                Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/zuofeng"))));
        assertFalse(DevDatabaseConfigSourceFactory.wanted(context(List.of("dev"),
                Map.of("%dev.quarkus.datasource.jdbc.url", "jdbc:postgresql://db/zuofeng"))));
    }

    @Test
    void itCanBeSwitchedOff() {
        assertFalse(DevDatabaseConfigSourceFactory.wanted(context(List.of("dev"),
                Map.of("zuofeng.dev-database.enabled", "false"))));
    }

    @Test
    void itsBookkeepingPropertyStaysOutOfTheValidatedZuofengNamespace() {
        assertFalse(DevDatabaseConfigSourceFactory.URL_PROPERTY.startsWith("zuofeng."));
    }

    private static ConfigSourceContext context(List<String> profiles, Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String value = values.get(name);
                return value == null ? null : ConfigValue.builder().withName(name).withValue(value).build();
            }

            @Override
            public List<String> getProfiles() {
                return profiles;
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }
}
