package org.zuofeng.contacts;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.labels.LabelSource;
import org.zuofeng.common.labels.Labelled;

import java.util.List;

/** The 亲清 register's enums, for {@code /api/v1/labels}. */
@ApplicationScoped
public class ContactLabels implements LabelSource {

    @Override
    public List<Class<? extends Labelled>> enums() {
        return List.of(ContactKind.class, PaidBy.class, ContactStatus.class, ContactFlagCode.class);
    }
}
