package org.zuofeng.common.crypto;

/**
 * A table that keeps wrapped data keys ({@link Sealing}) in the columns {@code key_ref}, {@code wrapped_key} and
 * {@code kek_id}, a row per sealed file, each key bound to {@code <table>/<id>}. A feature that seals files produces
 * one, and {@link KeyRotation} re-wraps its keys after a rotation.
 */
public record SealedTable(String table, String idColumn) {

    /** What a key of the row {@code id} is bound to. */
    public String owner(Object id) {
        return table + "/" + id;
    }
}
