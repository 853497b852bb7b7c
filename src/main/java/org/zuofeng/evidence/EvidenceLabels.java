package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The evidence feature's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class EvidenceLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(EvidenceStatus.class, ProvenanceStatus.class);
    }
}
