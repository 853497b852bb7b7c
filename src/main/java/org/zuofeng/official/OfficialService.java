package org.zuofeng.official;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.Roles;
import org.zuofeng.common.time.Times;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Officials: recording and correcting them, finding them, and showing their personal data only to those who need
 * it ({@code admin}, {@code hr}, {@code commission}), with every such showing on record.
 */
@ApplicationScoped
@Transactional
public class OfficialService {

    static final String ENTITY_TYPE = "official";

    /** The roles that see ID numbers and phone numbers unmasked. */
    private static final String[] PERSONAL_DATA_READERS = {Roles.ADMIN, Roles.HR, Roles.COMMISSION};

    private static final Sorting<OfficialView> SORTING = new Sorting<>("name",
            SortField.of("id", "id", OfficialView::id, UUID.class),
            SortField.of("name", "name", OfficialView::name, String.class),
            SortField.of("createdAt", "createdAt", o -> Times.fromWire(o.createdAt()), Instant.class),
            SortField.of("updatedAt", "updatedAt", o -> Times.fromWire(o.updatedAt()), Instant.class));

    /**
     * The filters of the official list. {@code unitId}, {@code role} and {@code activeOn} describe one post the
     * official holds; {@code activeOn} is today when a unit or role is asked for without a day.
     */
    public record Query(UUID unitId, boolean includeSubunits, PostRole role, LocalDate activeOn, String q,
            Boolean partyMember) {
    }

    private final OfficialRepository officials;
    private final OfficialViews views;
    private final OfficialReads reads;
    private final OfficialMapper mapper;
    private final AuditTrail audit;
    private final KeysetPager pager;
    private final CallerScope scope;
    private final Caller caller;
    private final Clock clock;

    public OfficialService(OfficialRepository officials, OfficialViews views, OfficialReads reads,
            OfficialMapper mapper, AuditTrail audit, KeysetPager pager, CallerScope scope, Caller caller, Clock clock) {
        this.officials = officials;
        this.views = views;
        this.reads = reads;
        this.mapper = mapper;
        this.audit = audit;
        this.pager = pager;
        this.scope = scope;
        this.caller = caller;
        this.clock = clock;
    }

    public OfficialView create(OfficialWrite write) {
        requireUnique(write, null);
        Official official = new Official();
        mapper.update(write, official);
        if (write.externalIds() != null) {
            official.externalIds.putAll(write.externalIds());
        }
        audit.stampCreated(official);
        officials.persistAndFlush(official);
        OfficialView view = views.of(official);
        audit.record("CREATE", ENTITY_TYPE, official.id, null, view);
        return disclose(view);
    }

    /** An official the caller may see (404 otherwise), personal data shown as the caller's role allows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OfficialView get(UUID id) {
        return disclose(reads.one(id).orElseThrow(() -> notFound(id)));
    }

    public OfficialView update(UUID id, IfMatch ifMatch, OfficialWrite write) {
        Official official = officials.findByIdOptional(id).orElseThrow(() -> notFound(id));
        ifMatch.check(official.version);
        OfficialView before = views.of(official);
        OfficialWrite effective = write.externalIds() != null ? write
                : OfficialWrite.withExternalIds(write, Map.copyOf(official.externalIds));
        if (mapper.toWrite(official).equals(effective)) {
            return disclose(before);
        }
        requireUnique(effective, id);
        mapper.update(effective, official);
        if (!official.externalIds.equals(effective.externalIds())) {
            official.externalIds.clear();
            official.externalIds.putAll(effective.externalIds());
        }
        audit.stampUpdated(official);
        officials.flush();
        OfficialView after = views.of(official);
        audit.record("UPDATE", ENTITY_TYPE, official.id, before, after);
        return disclose(after);
    }

    public Page<OfficialView> list(Query query, String sort, PageRequest page) {
        Page<OfficialView> found = pager.page(Official.class, filters(query), SORTING, sort, page, reads.projection());
        return new Page<>(disclose(found.items()), found.next(), found.totalCount());
    }

    /** Every official of the query the caller may see, in the list's order, {@code chunk} at a time (exports). */
    public void export(Query query, int chunk, Consumer<List<OfficialView>> chunks) {
        pager.stream(Official.class, filters(query), SORTING, reads.projection(), chunk,
                read -> chunks.accept(disclose(read)));
    }

    private Filters filters(Query query) {
        Filters filters = new Filters()
                .when(query.partyMember(), "partyMember", "e.partyMember = :partyMember")
                .when(Filters.containing(query.q()), "q", "lower(e.name) like :q escape '\\'");
        holdingPost(filters, query);
        return filters.restrictTo(scope.readable(OfficialAccess.OFFICIALS));
    }

    /** For sync ({@link OfficialSync}): every official the caller may see, or those among {@code ids}, by id. */
    public Page<OfficialView> synced(Collection<UUID> ids, PageRequest page) {
        Filters filters = new Filters().among(ids).restrictTo(scope.readable(OfficialAccess.OFFICIALS));
        Page<OfficialView> found = pager.pageById(Official.class, filters, SORTING, page, reads.projection());
        return new Page<>(disclose(found.items()), found.next(), null);
    }

    /** The official with this resident ID number (exact match), for the roles that may see personal data. */
    public Page<OfficialView> searchByIdNumber(String idNumber) {
        if (!caller.hasAnyRole(Roles.ADMIN, Roles.HR, Roles.COMMISSION)) {
            throw new ProblemException(ErrorCode.FORBIDDEN, Text.of("official.adminsHRCommissionSearchID"));
        }
        List<Official> found = officials.findByIdNumber(idNumber).stream().toList();
        return new Page<>(disclose(views.of(found)), null, null);
    }

    /** The official whom {@code system} knows by {@code externalId}, if the caller may see them. */
    public Page<OfficialView> searchByExternalId(String system, String externalId) {
        List<Official> found = officials.findByExternalId(system, externalId)
                .flatMap(o -> scope.find(Official.class, o.id, OfficialAccess.OFFICIALS)).stream().toList();
        return new Page<>(disclose(views.of(found)), null, null);
    }

    /** The official, if the caller may see them ({@link OfficialAccess}); 404 otherwise. */
    Official visible(UUID id) {
        return scope.require(Official.class, id, OfficialAccess.OFFICIALS, () -> notFound(id));
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("official", id);
    }

    private void holdingPost(Filters filters, Query query) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        if (query.unitId() != null) {
            parameters.put("unitId", query.unitId());
            if (query.includeSubunits()) {
                filters.shapedBy("includeSubunits", true);
                conditions.add("p.unitId in " + Units.subtreeOf("unitId"));
            } else {
                conditions.add("p.unitId = :unitId");
            }
        }
        if (query.role() != null) {
            parameters.put("role", query.role());
            conditions.add("p.role = :role");
        }
        LocalDate day = query.activeOn() != null ? query.activeOn()
                : conditions.isEmpty() ? null : LocalDate.now(clock);
        if (day != null) {
            parameters.put("day", day);
            conditions.add(PostRepository.HELD_ON);
        }
        if (!conditions.isEmpty()) {
            filters.where("exists (select 1 from Post p where p.officialId = e.id and "
                    + String.join(" and ", conditions) + ")", parameters);
        }
    }

    /** Unmasked for the roles that may see personal data (and then on record as a read), masked for the rest. */
    private OfficialView disclose(OfficialView view) {
        return disclose(List.of(view)).get(0);
    }

    private List<OfficialView> disclose(List<OfficialView> views) {
        if (!caller.hasAnyRole(PERSONAL_DATA_READERS)) {
            return views.stream().map(OfficialView::masked).toList();
        }
        audit.recordRead(AuditTrail.READ_PERSONAL_DATA, ENTITY_TYPE, views.stream().map(OfficialView::id).toList());
        return views;
    }

    private void requireUnique(OfficialWrite write, UUID self) {
        officials.findByIdNumber(write.idNumber()).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw new ProblemException(ErrorCode.OFFICIAL_ID_NUMBER_TAKEN,
                    Text.of("official.anotherOfficialAlreadyHasID"));
        });
        if (write.accountSubject() != null) {
            officials.findByAccountSubject(write.accountSubject()).filter(other -> !Objects.equals(other.id, self))
                    .ifPresent(other -> {
                        throw new ProblemException(ErrorCode.ACCOUNT_SUBJECT_TAKEN,
                                Text.of("official.anotherOfficialAlreadyLinkedAccount"));
                    });
        }
        if (write.externalIds() != null) {
            write.externalIds().forEach((system, externalId) -> officials.findByExternalId(system, externalId)
                    .filter(other -> !Objects.equals(other.id, self))
                    .ifPresent(other -> {
                        throw new ProblemException(ErrorCode.EXTERNAL_ID_TAKEN,
                                Text.of("official.anotherOfficialAlreadyHasId", system));
                    }));
        }
    }
}
