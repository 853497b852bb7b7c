package org.zuofeng.common.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A setting below its bound fails the start with the bound named; a value within it is taken as written. */
class BoundsTest {

    @Test
    void aCountOfAtLeastOneRefusesZero() {
        assertEquals(1, new AtLeastOne().convert("1"));
        assertEquals(20, new AtLeastOne().convert(" 20 "));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new AtLeastOne().convert("0"));
        assertEquals("must be at least 1, is 0", refused.getMessage());
    }

    @Test
    void aCountOfAtLeastZeroRefusesANegative() {
        assertEquals(0, new AtLeastZero().convert("0"));
        assertThrows(IllegalArgumentException.class, () -> new AtLeastZero().convert("-1"));
        assertThrows(NumberFormatException.class, () -> new AtLeastZero().convert("many"));
    }
}
