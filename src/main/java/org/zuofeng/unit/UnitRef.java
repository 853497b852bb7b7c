package org.zuofeng.unit;

import java.util.UUID;

/** A unit as other features see it: its id, its name and whether it still exists as an active unit. */
public record UnitRef(UUID id, String name, boolean active) {

    static UnitRef of(Unit unit) {
        return new UnitRef(unit.id, unit.name, unit.status == UnitStatus.ACTIVE);
    }
}
