package org.zuofeng.warning;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** Warning education's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class WarningLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(TypicalCaseStatus.class);
    }
}
