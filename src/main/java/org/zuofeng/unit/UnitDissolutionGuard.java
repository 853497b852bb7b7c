package org.zuofeng.unit;

import java.util.UUID;

/**
 * A rule of another feature that can forbid dissolving a unit (e.g. officials still in post there). Each guard
 * throws the problem that explains the refusal; the unit feature needs to know none of them.
 */
public interface UnitDissolutionGuard {

    void beforeDissolving(UUID unitId);
}
