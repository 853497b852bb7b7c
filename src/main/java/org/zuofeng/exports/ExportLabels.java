package org.zuofeng.exports;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The export feature's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class ExportLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(ExportEntity.class, ExportFormat.class, ExportStatus.class);
    }
}
