package org.zuofeng.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.time.Times;

import java.time.Clock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The units as they were: their versions, which the database keeps as units change ({@code unit_version_kept}), and
 * their successions. Changes are dated by {@link #dateChanges}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class UnitHistory {

    private final EntityManager em;
    private final Clock clock;

    UnitHistory(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Dates the rest of the transaction's changes to {@code changing} and the units below them: from the start of
     * {@code on}, or, when no day is given, from the transaction's start in the database (one clock for every
     * replica). A day in the future is the 400 problem {@code invalid} makes; a day before a change already recorded
     * for one of those units is a 409 {@code UNIT_CHANGED_LATER}. Answers the instant the changes take effect.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Instant dateChanges(LocalDate on, Function<Text, ProblemException> invalid, Collection<UUID> changing) {
        if (on == null) {
            return changeAt(null);
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw invalid.apply(Text.of("field.notInTheFuture"));
        }
        Instant at = startOf(on);
        latestChangeBelow(changing).filter(latest -> latest.validFrom.isAfter(at)).ifPresent(latest -> {
            throw new ProblemException(ErrorCode.UNIT_CHANGED_LATER, Text.of("unit.unitChangedLater", latest.unitId,
                    latest.validFrom.atZone(Times.ZONE).toLocalDate(), on));
        });
        return changeAt(at);
    }

    /** The first instant of {@code day} in the district: a reorganisation takes effect when its day begins. */
    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Times.ZONE).toInstant();
    }

    /** Dates the rest of the transaction's changes to units from {@code at}, or from its start; answers when. */
    private Instant changeAt(Instant at) {
        em.createNativeQuery("select set_config('zuofeng.unit_changed_at', :at, true)")
                .setParameter("at", at == null ? "" : at.toString()).getSingleResult();
        return at != null ? at : (Instant) em.createNativeQuery("select now()", Instant.class).getSingleResult();
    }

    /** The latest change recorded for any of {@code units} and the units below them, with the unit it was to. */
    private Optional<UnitVersion> latestChangeBelow(Collection<UUID> units) {
        return em.createQuery("select v from UnitVersion v where v.validUntil is null and v.validFrom is not null"
                        + " and (v.unitId in :units or array_overlaps(v.path, :roots)) order by v.validFrom desc",
                        UnitVersion.class)
                .setParameter("units", units).setParameter("roots", units.toArray(UUID[]::new))
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** Every version of these units, oldest first, by unit. */
    Map<UUID, List<UnitVersion>> versionsOf(Collection<UUID> units) {
        if (units.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select v from UnitVersion v where v.unitId in :units", UnitVersion.class)
                .setParameter("units", units).getResultStream()
                .sorted(Comparator.comparing((UnitVersion v) -> v.validFrom,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .collect(Collectors.groupingBy(v -> v.unitId, Collectors.toList()));
    }

    /** Records that {@code predecessor} went into {@code successor} at {@code at}. */
    void succeeded(UUID predecessor, UUID successor, SuccessionKind kind, Instant at, Instant now, String by) {
        UnitSuccession succession = new UnitSuccession();
        succession.predecessorId = predecessor;
        succession.successorId = successor;
        succession.kind = kind;
        succession.effectiveAt = at;
        succession.recordedAt = now;
        succession.recordedBy = by;
        em.persist(succession);
    }

    /** The successions {@code unit} took part in, as predecessor or successor, oldest first. */
    List<UnitSuccession> successionsOf(UUID unit) {
        return em.createQuery("select s from UnitSuccession s where s.predecessorId = :unit or s.successorId = :unit"
                + " order by s.effectiveAt, s.predecessorId, s.successorId", UnitSuccession.class)
                .setParameter("unit", unit).getResultList();
    }
}
