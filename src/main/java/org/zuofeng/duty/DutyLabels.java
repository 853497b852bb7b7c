package org.zuofeng.duty;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The lists' enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class DutyLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(DutyListKind.class, DutyListStatus.class);
    }
}
