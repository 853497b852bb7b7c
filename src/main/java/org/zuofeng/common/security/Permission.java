package org.zuofeng.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.zuofeng.common.problem.ProblemException;

import java.util.Set;

import static org.zuofeng.common.security.Roles.ADMIN;
import static org.zuofeng.common.security.Roles.AUDITOR;
import static org.zuofeng.common.security.Roles.COMMISSION;
import static org.zuofeng.common.security.Roles.CUSTODIAN;
import static org.zuofeng.common.security.Roles.HR;
import static org.zuofeng.common.security.Roles.INSPECTOR;
import static org.zuofeng.common.security.Roles.INTEGRATION;
import static org.zuofeng.common.security.Roles.OFFICIAL;
import static org.zuofeng.common.security.Roles.UNIT_OFFICER;

/**
 * What a caller must hold to call an operation, and the roles that grant it: every operation of the API declares one
 * ({@link Requires}), and every other way in to the same work (the sync push, an export) checks the same one. A
 * permission says whether a role may ever do a kind of operation (403 if not); which records it may do it to is the
 * business of each feature's read rule (404 outside the caller's scope).
 */
public enum Permission {

    /** Any caller with a valid token, whatever its roles ({@code /api/v1/me}). */
    SIGNED_IN(),

    UNITS_READ(Roles.ALL),
    UNITS_WRITE(ADMIN, HR),
    /** Officials and their posts. */
    OFFICIALS_READ(Roles.ALL),
    OFFICIALS_WRITE(ADMIN, HR),
    /** Power, negative and responsibility lists: read, drafted by HR, published by the commission. */
    DUTY_LISTS_READ(Roles.ALL),
    DUTY_LISTS_DRAFT(ADMIN, HR),
    DUTY_LISTS_PUBLISH(ADMIN, COMMISSION),

    INSPECTIONS_READ(Roles.ALL),
    /** Planning an inspection (inspectors plan their own visits offline). */
    INSPECTIONS_PLAN(ADMIN, COMMISSION, INSPECTOR),
    /** Correcting an inspection's plan: its title, dates, targets and team. */
    INSPECTIONS_CORRECT(ADMIN, COMMISSION),
    /** Moving an inspection through its lifecycle (starting, completing, cancelling). */
    INSPECTIONS_STEP(ADMIN, COMMISSION, INSPECTOR),
    FINDINGS_READ(Roles.ALL),
    /** Recording and correcting findings. */
    FINDINGS_RECORD(ADMIN, COMMISSION, INSPECTOR),
    /** Moving a finding through rectification, or dismissing it. */
    FINDINGS_STEP(ADMIN, COMMISSION),
    EVIDENCE_READ(Roles.ALL),
    /** Adding evidence to findings and inspections, directly or by resumable upload. */
    EVIDENCE_UPLOAD(ADMIN, COMMISSION, INSPECTOR),
    EVIDENCE_WITHDRAW(ADMIN),

    NOTICES_READ(Roles.ALL),
    /** Drafting, issuing and closing supervision notices. */
    NOTICES_WRITE(ADMIN, COMMISSION),
    /** The addressed unit's answer to a notice, with its evidence. */
    NOTICES_RESPOND(ADMIN, UNIT_OFFICER),
    CASES_READ(ADMIN, COMMISSION, AUDITOR, HR),
    /** Opening, deciding, appealing and closing accountability cases. */
    CASES_WRITE(ADMIN, COMMISSION),
    /** Typical cases for warning education: published ones for every role, drafts for their writers and auditors. */
    TYPICAL_CASES_READ(Roles.ALL),
    /** Drafting typical cases from decided cases, and publishing another's draft. */
    TYPICAL_CASES_WRITE(ADMIN, COMMISSION),
    /** Warning-education sessions units held, and their figures. */
    WARNING_SESSIONS_READ(Roles.ALL),
    /** Recording a session: a unit officer for their own units. */
    WARNING_SESSIONS_RECORD(ADMIN, COMMISSION, UNIT_OFFICER),
    /** What the service did about rectification notices left overdue: talks drafted, cases opened. */
    ESCALATIONS_READ(ADMIN, COMMISSION, AUDITOR),
    SCHEMES_READ(Roles.ALL),
    SCHEMES_WRITE(ADMIN, HR),
    ASSESSMENTS_READ(ADMIN, HR, COMMISSION, AUDITOR, UNIT_OFFICER, INTEGRATION),
    /** Scoring assessments and moving them through public notice. */
    ASSESSMENTS_WRITE(ADMIN, HR),
    /** Recording an objection raised during public notice. */
    ASSESSMENTS_OBJECT(ADMIN, HR, COMMISSION),

    /**
     * The clue register. Its secrecy protects reporters, so to the roles it does not grant it answers as for a clue
     * that is not there (404), never that it exists (403).
     */
    CLUES_READ(new Secret("clue"), ADMIN, COMMISSION, AUDITOR),
    /** Registering clues, and asking reporters questions. */
    CLUES_WRITE(new Secret("clue"), ADMIN, COMMISSION),
    /** Requests to read a real-name reporter's identity: a member's own, every one for the others. */
    IDENTITY_REQUESTS_READ(new Secret("identityRequest"), ADMIN, COMMISSION, AUDITOR, CUSTODIAN),
    /** Deciding such a request. */
    IDENTITY_CUSTODY(CUSTODIAN),

    /**
     * The 亲清 register of officials' contacts with business: read by those {@code ContactAccess} names, an official
     * their own.
     */
    CONTACTS_READ(ADMIN, COMMISSION, AUDITOR, HR, UNIT_OFFICER, OFFICIAL),
    /** Declaring a contact: an official their own, a unit officer on behalf of their units' officials. */
    CONTACTS_DECLARE(ADMIN, UNIT_OFFICER, OFFICIAL),
    /** Reviewing declarations: accepting, questioning, referring as a clue. */
    CONTACTS_REVIEW(ADMIN, COMMISSION),

    /** The year's public holidays and make-up working days, which deadlines in working days count with. */
    CALENDAR_READ(Roles.ALL),
    CALENDAR_WRITE(ADMIN),

    STATISTICS_READ(Roles.ALL),
    STATISTICS_PUBLISH(ADMIN, COMMISSION),
    AUDIT_READ(ADMIN, AUDITOR),
    SYNC_PULL(Roles.ALL),
    /** Pushing offline mutations; each is checked against its own operation's permission too. */
    SYNC_PUSH(ADMIN, COMMISSION, INSPECTOR),
    /** The capture devices registered: an inspector's own, every one for the commission, admins and auditors. */
    DEVICES_READ(ADMIN, AUDITOR, COMMISSION, INSPECTOR),
    DEVICES_REVOKE(ADMIN, COMMISSION),
    EVENTS_READ(Roles.ALL),
    /** Exporting a list; the export holds only what the list's own read permission and rule let the caller see. */
    EXPORTS_RUN(Roles.ALL),
    IMPORTS_RUN(ADMIN, HR),
    WEBHOOKS_MANAGE(ADMIN, INTEGRATION);

    /** A secret kind of record: what its 404 names ({@code notFound.<what>}). */
    private record Secret(String what) {
    }

    private final Set<String> roles;
    /** For a secret kind of record, the 404 a caller without the permission gets; null for the others. */
    private final Secret secret;

    Permission(String... roles) {
        this(null, Set.of(roles));
    }

    Permission(Set<String> roles) {
        this(null, roles);
    }

    Permission(Secret secret, String... roles) {
        this(secret, Set.of(roles));
    }

    Permission(Secret secret, Set<String> roles) {
        this.secret = secret;
        this.roles = roles;
    }

    /** Whether a caller without it is answered 404, as for a record that is not there, rather than 403. */
    public boolean secret() {
        return secret != null;
    }

    /** The roles that grant it; empty for {@link #SIGNED_IN}, which any identified caller holds. */
    public Set<String> roles() {
        return roles;
    }

    /**
     * 401 for an anonymous caller; for one none of whose roles grants this permission, 403, or for a secret kind the
     * 404 of a record that is not there.
     */
    public void check(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            throw ProblemException.unauthorized();
        }
        if (this != SIGNED_IN && roles.stream().noneMatch(identity::hasRole)) {
            throw secret == null ? ProblemException.forbidden() : ProblemException.notFound(secret.what());
        }
    }
}
