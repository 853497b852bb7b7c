package org.zuofeng.imports;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The import feature's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class ImportLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(ImportEntity.class, ImportRowStatus.class, ImportStatus.class);
    }
}
