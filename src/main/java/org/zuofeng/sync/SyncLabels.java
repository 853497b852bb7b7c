package org.zuofeng.sync;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The sync feature's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class SyncLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(SyncMutationEntity.class, SyncResultStatus.class, SyncEntity.class, SyncOp.class);
    }
}
