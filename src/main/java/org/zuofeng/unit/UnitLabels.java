package org.zuofeng.unit;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The unit feature's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class UnitLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(UnitType.class, UnitStatus.class, SuccessionKind.class);
    }
}
