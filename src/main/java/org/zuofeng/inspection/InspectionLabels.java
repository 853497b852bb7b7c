package org.zuofeng.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The inspections feature's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class InspectionLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(InspectionType.class, InspectionStatus.class);
    }
}
