package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The findings feature's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class FindingLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(FindingCategory.class, Defect.class, Severity.class, FindingStatus.class);
    }
}
