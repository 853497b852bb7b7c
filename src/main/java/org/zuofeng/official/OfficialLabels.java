package org.zuofeng.official;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The officials feature's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class OfficialLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(Gender.class, PostRole.class);
    }
}
