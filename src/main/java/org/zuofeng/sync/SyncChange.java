package org.zuofeng.sync;

import org.zuofeng.common.changelog.SyncedRecord;

import java.util.UUID;

/** One change a device applies to its copy: the record as the server shows it now, or its removal. */
public record SyncChange(SyncEntity entity, UUID id, SyncOp op, Long version, Object data) {

    static SyncChange upsert(String entity, SyncedRecord record) {
        return new SyncChange(SyncEntity.valueOf(entity), record.id(), SyncOp.UPSERT, record.version(), record.data());
    }

    static SyncChange remove(String entity, UUID id) {
        return new SyncChange(SyncEntity.valueOf(entity), id, SyncOp.REMOVE, null, null);
    }
}
