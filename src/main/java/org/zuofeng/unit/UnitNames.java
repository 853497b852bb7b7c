package org.zuofeng.unit;

import org.zuofeng.common.time.Times;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The names some units had over time, read at once: how records of different dates name them. */
public final class UnitNames {

    private final Map<UUID, List<UnitVersion>> versions;

    UnitNames(Map<UUID, List<UnitVersion>> versions) {
        this.versions = versions;
    }

    /** The name {@code unit} had on {@code day} (Asia/Shanghai), as it stood at the day's end. */
    public String on(UUID unit, LocalDate day) {
        return at(unit, day.plusDays(1).atStartOfDay(Times.ZONE).toInstant().minusNanos(1));
    }

    /** The name {@code unit} had at {@code at}; its name now when {@code at} is null; null for a unit not read. */
    public String at(UUID unit, Instant at) {
        return versions.getOrDefault(unit, List.of()).stream()
                .filter(v -> at == null ? v.validUntil == null : v.heldAt(at))
                .findFirst().map(v -> v.name).orElse(null);
    }
}
