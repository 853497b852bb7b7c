package org.zuofeng.contacts;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.eventlog.ListedEvents;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Declarations on the event feed ({@code org.zuofeng.business_contact.created}, with their flags, and
 * {@code .accepted}, {@code .questioned}), to the readers who may read them, as their {@code GET} shows them. A
 * referral as a clue is never published: the clue register is secret.
 */
@ApplicationScoped
public class ContactEvents extends ListedEvents<ContactView> {

    private final ContactService service;

    public ContactEvents(ContactService service) {
        this.service = service;
    }

    @Override
    protected Names names() {
        return new Names(ContactService.ENTITY_TYPE, "business_contact", "/api/v1/business-contacts");
    }

    @Override
    public boolean publishes(String action) {
        return !ContactService.REFER.equals(action);
    }

    @Override
    protected List<ContactView> visibleAmong(Collection<UUID> ids) {
        return service.visibleAmong(ids);
    }

    @Override
    protected UUID idOf(ContactView view) {
        return view.id();
    }
}
