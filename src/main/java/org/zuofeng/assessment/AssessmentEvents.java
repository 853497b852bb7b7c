package org.zuofeng.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.eventlog.ListedEvents;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Yearly assessments on the event feed: as {@link AssessmentService#visibleAmong} shows them to the reader. */
@ApplicationScoped
public class AssessmentEvents extends ListedEvents<AssessmentView> {

    private final AssessmentService service;

    public AssessmentEvents(AssessmentService service) {
        this.service = service;
    }

    @Override
    protected Names names() {
        return new Names(AssessmentService.ENTITY_TYPE, "assessment", "/api/v1/assessments");
    }

    @Override
    protected List<AssessmentView> visibleAmong(Collection<UUID> ids) {
        return service.visibleAmong(ids);
    }

    @Override
    protected UUID idOf(AssessmentView view) {
        return view.id();
    }
}
