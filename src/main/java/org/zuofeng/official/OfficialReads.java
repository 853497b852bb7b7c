package org.zuofeng.official;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.paging.Projection;
import org.zuofeng.common.paging.Projections;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.Condition;
import org.zuofeng.common.time.Times;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Officials read straight into their views, one SQL statement for a page or a single official: the external ids and
 * today's posts (those the caller may see, with their units' names) are aggregated as JSON by PostgreSQL. No entity
 * is built, so nothing is flushed or dirty-checked. {@link OfficialViews} builds the same views from entities, for
 * the answers of writes; {@code OfficialReadsParityTest} holds the two to the same result.
 */
@ApplicationScoped
class OfficialReads {

    private static final String COLUMNS = "e.id, e.name, e.gender, e.birthDate, e.idNumber, e.phone, e.partyMember,"
            + " e.accountSubject, e.version, e.createdAt, e.createdBy, e.updatedAt, e.updatedBy,"
            + " (select json_arrayagg(json_array(key(x), value(x)) null on null) from e.externalIds x)";
    private static final TypeReference<List<PostSummary>> POSTS = new TypeReference<>() {
    };
    private static final TypeReference<List<List<String>>> PAIRS = new TypeReference<>() {
    };

    private final Projections projections;
    private final CallerScope scope;
    private final ObjectMapper json;
    private final Clock clock;

    OfficialReads(Projections projections, CallerScope scope, ObjectMapper json, Clock clock) {
        this.projections = projections;
        this.scope = scope;
        this.json = json;
        this.clock = clock;
    }

    /** How a list reads an official: its columns, external ids and today's posts that the caller may see. */
    Projection<OfficialView> projection() {
        Optional<Condition> visiblePosts = scope.readable(OfficialAccess.POSTS).map(c -> c.on("p"));
        Map<String, Object> parameters = new HashMap<>(visiblePosts.map(Condition::parameters).orElse(Map.of()));
        parameters.put("postsDay", LocalDate.now(clock));
        String currentPosts = "(select json_arrayagg(json_object('id', p.id, 'unitId', p.unitId, 'unitName', "
                + Units.nameOf("p.unitId") + ", 'title', p.title, 'role', p.role, 'responsibility', p.responsibility,"
                + " 'startDate', p.startDate, 'endDate', p.endDate) null on null order by p.startDate, p.id)"
                + " from Post p where p.officialId = e.id and " + PostRepository.HELD_ON.replace(":day", ":postsDay")
                + visiblePosts.map(c -> " and (" + c.hql() + ")").orElse("") + ")";
        return new Projection<>(COLUMNS + ", " + currentPosts, parameters, this::view);
    }

    /** The official, if the caller may see them ({@link OfficialAccess}). */
    Optional<OfficialView> one(UUID id) {
        return projections.one(Official.class, id, scope.readable(OfficialAccess.OFFICIALS), projection());
    }

    private OfficialView view(Object[] row) {
        LocalDate birthDate = (LocalDate) row[3];
        return new OfficialView((UUID) row[0], (String) row[1], (Gender) row[2], birthDate, YearMonth.from(birthDate),
                (String) row[4], (String) row[5], (Boolean) row[6], (String) row[7], externalIds(row[13]),
                row[14] == null ? List.of() : read(row[14], POSTS), ((Number) row[8]).longValue(),
                Times.toWire((Instant) row[9]), (String) row[10], Times.toWire((Instant) row[11]), (String) row[12]);
    }

    private Map<String, String> externalIds(Object pairs) {
        Map<String, String> ids = new TreeMap<>();
        if (pairs != null) {
            read(pairs, PAIRS).forEach(pair -> ids.put(pair.get(0), pair.get(1)));
        }
        return ids;
    }

    private <T> T read(Object aggregate, TypeReference<T> type) {
        try {
            return json.readValue(aggregate.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL's JSON aggregate could not be read", e);
        }
    }
}
