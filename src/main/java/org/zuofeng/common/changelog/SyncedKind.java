package org.zuofeng.common.changelog;

import org.zuofeng.common.paging.Page;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A kind of record that devices and other systems keep a copy of (units, officials, inspections, findings, evidence):
 * implemented by the feature that owns it, which alone knows who may see which record and how the API shows it.
 * Both methods answer exactly what the feature's ordinary {@code GET} would show the caller (masking and audit of
 * secret reads included), and nothing the caller may not see.
 */
public interface SyncedKind {

    /** The name of the kind in the change log and on the wire, e.g. {@code FINDING}. */
    String entity();

    /** Where the kind comes in a snapshot: records a later kind refers to come first. */
    int order();

    /** A page of every record of the kind the caller may see, by id, from {@code cursor} (null: the first). */
    Page<SyncedRecord> snapshot(String cursor, int limit);

    /** Those of these records the caller may see, as they are now. */
    List<SyncedRecord> visible(Collection<UUID> ids);
}
