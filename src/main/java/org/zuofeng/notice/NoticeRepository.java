package org.zuofeng.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Notices, their responses, and their numbering. */
@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<SupervisionNotice, UUID> {

    /** A notice that exists (deleted drafts do not). */
    public Optional<SupervisionNotice> findLive(UUID id) {
        return findByIdOptional(id).filter(n -> n.deletedAt == null);
    }

    public void persistResponse(NoticeResponse response) {
        getEntityManager().persist(response);
        getEntityManager().flush();
    }

    public Optional<NoticeResponse> findResponse(UUID responseId) {
        return Optional.ofNullable(getEntityManager().find(NoticeResponse.class, responseId));
    }

    /** The notice each of these responses answers. */
    public Map<UUID, UUID> noticesOfResponses(Collection<UUID> responseIds) {
        if (responseIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select r.id, r.noticeId from NoticeResponse r where r.id in :ids",
                        Object[].class)
                .setParameter("ids", responseIds).getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (UUID) row[1]));
    }

    /** The responses to each notice, oldest first. */
    public Map<UUID, List<NoticeResponse>> responsesOf(Collection<UUID> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select r from NoticeResponse r where r.noticeId in :ids"
                        + " order by r.createdAt, r.id", NoticeResponse.class)
                .setParameter("ids", noticeIds).getResultStream()
                .collect(Collectors.groupingBy(r -> r.noticeId));
    }
}
