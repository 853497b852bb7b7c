package org.zuofeng.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.Roles;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What other features ask of inspections, and the only way they reach them: no class outside this package reads an
 * {@link Inspection} or its tables. Visibility is {@link InspectionAccess}'s, as for the inspection's own API.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Inspections {

    private final InspectionRepository inspections;
    private final CallerScope scope;
    private final Caller caller;

    public Inspections(InspectionRepository inspections, CallerScope scope, Caller caller) {
        this.inspections = inspections;
        this.scope = scope;
        this.caller = caller;
    }

    /** The inspection if the caller may see it; 404 otherwise, as if it did not exist. */
    public InspectionRef requireVisible(UUID id) {
        return InspectionRef.of(visible(id));
    }

    /** The inspection, which exists (another record refers to it), whether or not the caller may see it. */
    public InspectionRef get(UUID id) {
        return InspectionRef.of(inspections.findById(id));
    }

    /** Whether the caller is on the inspection's team (admins count as members for running it). */
    public boolean onTeam(InspectionRef inspection) {
        return caller.hasRole(Roles.ADMIN) || inspection.team().contains(caller.subject());
    }

    /**
     * HQL: whether the inspection whose id is {@code inspectionIdPath} is secret now (covert and not completed), as a
     * boolean a projection selects, so that a page of its findings needs no statement of its own to tell.
     */
    public static String isSecretNow(String inspectionIdPath) {
        return "case when exists (select 1 from Inspection i where i.id = " + inspectionIdPath + " and "
                + InspectionRepository.SECRET + ") then true else false end";
    }

    /** SQL: whether the inspection whose id is the column {@code inspectionIdColumn} is a covert one. */
    public static String isCovertSql(String inspectionIdColumn) {
        return "exists (select 1 from inspections ci where ci.id = " + inspectionIdColumn + " and ci.type = 'COVERT')";
    }

    /** Those of these inspections that are secret now: covert and not completed. */
    public Set<UUID> secretAmong(Collection<UUID> inspectionIds) {
        return inspections.secretAmong(inspectionIds);
    }

    /** Those of these inspections that are covert (暗访), whatever their status. */
    public Set<UUID> covertAmong(Collection<UUID> inspectionIds) {
        return inspections.covertAmong(inspectionIds);
    }

    /** Every inspection that is secret now: what no statistic may count yet. */
    public Set<UUID> secretNow() {
        return inspections.secretNow();
    }

    /** The inspection itself while it is secret (covert, not completed): it holds back what is published of it. */
    public Optional<UUID> heldBack(UUID id) {
        return inspections.secretAmong(Set.of(id)).isEmpty() ? Optional.empty() : Optional.of(id);
    }

    Inspection visible(UUID id) {
        return scope.require(Inspection.class, id, InspectionAccess.INSPECTIONS,
                () -> ProblemException.notFound("inspection", id));
    }
}
