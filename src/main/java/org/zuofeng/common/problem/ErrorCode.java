package org.zuofeng.common.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The registry of every problem the API answers with: stable code, HTTP status, type page and titles.
 *
 * <p>Codes and type slugs are part of the contract: add new ones, never rename. A code may name the database
 * constraint whose violation means the same thing, so a race that slips past a service check gets the same answer.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "validation",
            "One or more fields or parameters are invalid; `errors` lists each with a JSON pointer or parameter name."),
    MALFORMED_JSON(400, "malformed-json", "The body could not be parsed as JSON."),
    INVALID_PARAMETER(400, "invalid-parameter",
            "A path, query or header parameter has a value of the wrong form, such as a malformed UUID or date."),
    DIGEST_MISMATCH(400, "digest-mismatch",
            "The uploaded bytes do not have the SHA-256 digest given in Content-Digest; nothing was kept."),
    CAPTURE_SIGNATURE_REQUIRED(400, "capture-signature-required",
            "Evidence of a covert inspection under way must carry a capture statement signed on a registered device "
                    + "(Capture-Statement, or captureStatement in tus metadata); nothing was kept."),
    UNKNOWN_PARAMETER(400, "unknown-parameter",
            "The request carries a query parameter the operation does not define; the contract lists each one."),
    INVALID_CURSOR(400, "invalid-cursor",
            "The cursor is malformed, was not made by this server for this caller, or was made for other filters or "
                    + "another sort order; start again without it."),
    REQUEST_REFUSED(400, "request-refused",
            "The HTTP layer refused the request for a reason with no code of its own; the status (a 4xx) says "
                    + "which, and nothing was done."),
    UNAUTHORIZED(401, "unauthorized", "The request has no bearer token, or the token is invalid or expired."),
    FORBIDDEN(403, "forbidden", "The caller's role may never perform this kind of operation."),
    NOT_FOUND(404, "not-found", "The resource does not exist or lies outside the caller's scope."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed",
            "The resource does not support this HTTP method; the Allow header lists the supported ones."),
    NOT_ACCEPTABLE(406, "not-acceptable", "The API cannot produce any media type the Accept header asks for."),
    CONFLICT(409, "conflict", "The request conflicts with the current state of the resource."),
    UNIT_CODE_TAKEN(409, "unit-code-taken",
            "Another unit already has this code; codes are unique among all units, dissolved ones included.",
            "uq_units_code"),
    UNIT_CYCLE(409, "unit-cycle",
            "A unit cannot become its own ancestor: the new parent is the unit itself or one of its descendants."),
    UNIT_HAS_ACTIVE_CHILDREN(409, "unit-has-active-children",
            "A unit can be dissolved only after all its subunits are dissolved."),
    UNIT_DISSOLVED(409, "unit-dissolved", "A dissolved unit cannot be changed and cannot receive new subunits."),
    UNIT_HAS_ACTIVE_POSTS(409, "unit-has-active-posts",
            "A unit can be dissolved only after every post in it has ended."),
    UNIT_CHANGED_LATER(409, "unit-changed-later",
            "A unit's history only grows: a merger or split cannot take effect before a change already recorded for"
                    + " one of the units it changes.", "ck_unit_versions_in_order"),
    OFFICIAL_ID_NUMBER_TAKEN(409, "official-id-number-taken",
            "Another official already has this resident ID number; find them with POST /api/v1/officials/search.",
            "uq_officials_id_number"),
    ACCOUNT_SUBJECT_TAKEN(409, "account-subject-taken",
            "Another official is already linked to this OIDC subject; a subject belongs to one official.",
            "uq_officials_account_subject"),
    EXTERNAL_ID_TAKEN(409, "external-id-taken",
            "Another official already has this id in that system; an id names one official in its system.",
            "uq_official_external_ids_system_id"),
    LIST_PUBLISHED(409, "list-published",
            "A published version of a unit's list never changes; draft a new version, which supersedes it from its "
                    + "effective date."),
    LIST_NOT_LATER(409, "list-not-later",
            "A new version of a list supersedes the last published one from its effective date, which must therefore "
                    + "be later than that version's."),
    PRINCIPAL_OVERLAP(409, "principal-overlap",
            "A unit has at most one principal (一把手) on any day; the new term overlaps an existing one.",
            "ex_posts_one_principal"),
    CLIENT_ID_CONFLICT(409, "client-id-conflict",
            "A record with this client-made id exists with other content; a repeated create must send the same "
                    + "content as the first one, or use a new id.", "inspections_pkey", "findings_pkey"),
    FOUR_EYES_REQUIRED(409, "four-eyes-required",
            "A proposal of how a clue is handled is approved or refused by a member other than its proposer."),
    RECUSAL_REQUIRED(409, "recusal-required",
            "A team member's linked official holds a post in a target unit or below it (回避); `subjects` names them."),
    INSPECTION_CLOSED(409, "inspection-closed", "A completed or cancelled inspection can no longer be changed."),
    INSPECTION_NOT_IN_PROGRESS(409, "inspection-not-in-progress",
            "Findings are recorded and edited only while their inspection is in progress."),
    FINDING_CLOSED(409, "finding-closed", "A verified or dismissed finding takes no more evidence."),
    EVIDENCE_NOT_ACCEPTED(409, "evidence-not-accepted", "A cancelled inspection takes no evidence."),
    NOTICE_ISSUED(409, "notice-issued",
            "Only drafts are edited or deleted; an issued notice changes only through its lifecycle, and is never "
                    + "deleted (withdraw it instead)."),
    DOCUMENT_NOT_ISSUED(409, "document-not-issued",
            "A notice has its formal document once it is issued, a case once it is decided."),
    NOT_A_COVERT_FEATURE(409, "not-a-covert-feature",
            "An exposé feature (暗访专题片) is compiled from covert evidence: it cites findings of covert inspections "
                    + "only, and video evidence is among theirs."),
    NOTICE_NOT_AWAITING_RESPONSE(409, "notice-not-awaiting-response",
            "Only an issued or returned rectification notice takes the addressed unit's response."),
    DEADLINE_BEFORE_ISSUE(409, "deadline-before-issue",
            "A rectification notice cannot be issued after its deadline; correct the draft's deadline first."),
    UNIT_HAS_NO_PRINCIPAL(409, "unit-has-no-principal",
            "An admonition talk summons the addressed unit's principal, and the unit has none on the issue date; "
                    + "name the officials to summon, or record the principal's post first."),
    COVERT_FINDINGS_SECRET(409, "covert-findings-secret",
            "A notice or an accountability case may cite the findings of a covert inspection only once that "
                    + "inspection is completed."),
    NOT_OF_ADDRESSED_UNITS(409, "not-of-addressed-units",
            "A notice cites only findings about its addressed units (or units below them) and names only officials "
                    + "holding a post there on the issue date; `errors` lists each that does not."),
    INSPECTION_TYPE_FIXED(409, "inspection-type-fixed",
            "An inspection's type (open, covert, supervision check) is fixed once it has started: changing it would "
                    + "turn its secrecy on or off mid-run."),
    CASE_NOT_OPEN(409, "case-not-open",
            "Only an open case takes a decision; a decided one changes only through an appeal.",
            "uq_case_standing_decision"),
    APPEAL_NOT_ALLOWED(409, "appeal-not-allowed", "An appeal needs a standing decision and no other appeal pending."),
    APPEAL_RESOLVED(409, "appeal-resolved", "An appeal is resolved once."),
    SCHEME_FROZEN(409, "scheme-frozen", "A scheme that has assessments cannot change; a new year means a new scheme."),
    ASSESSMENT_EXISTS(409, "assessment-exists",
            "There is one assessment per subject per scheme.", "uq_assessments_official", "uq_assessments_team"),
    ASSESSMENT_NOT_DRAFT(409, "assessment-not-draft",
            "Only a draft assessment is corrected; an upheld objection returns it to draft."),
    EXCELLENT_QUOTA_EXCEEDED(409, "excellent-quota-exceeded",
            "Another EXCELLENT grade would push the unit's share for the scheme over the scheme's quota "
                    + "(rounded down, at least one per unit)."),
    NOTICE_WINDOW_OPEN(409, "notice-window-open",
            "An assessment becomes final only after its public notice has ended."),
    OBJECTIONS_PENDING(409, "objections-pending", "An assessment becomes final only when every objection is resolved."),
    OBJECTION_OUTSIDE_WINDOW(409, "objection-outside-window",
            "Objections are raised only while the assessment is in public notice."),
    OBJECTION_RESOLVED(409, "objection-resolved", "An objection is resolved once."),
    VOTES_MISSING(409, "votes-missing",
            "A village cadre's review becomes final once the public review's valid votes are recorded."),
    BULLETIN_NOT_READY(409, "bulletin-not-ready",
            "A bulletin of team grades needs a leadership-team scheme whose assessments are all final."),
    INVALID_TRANSITION(409, "invalid-transition",
            "The lifecycle does not allow this step from the resource's current state; `allowedTargets` lists the "
                    + "states it can go to."),
    IDEMPOTENCY_KEY_IN_FLIGHT(409, "idempotency-key-in-flight",
            "An earlier request with the same Idempotency-Key has not finished yet; retry after it completes."),
    MUTATION_GAP(409, "mutation-gap",
            "Mutation ids of a sync client are consecutive from 1; this one lies beyond the next one expected, so it "
                    + "and the rest of its batch were not applied. Resend from `lastMutationId` + 1."),
    BATCH_ABORTED(409, "batch-aborted",
            "An atomic push is applied whole or not at all; another mutation of the batch was refused, so this one "
                    + "was not applied either, and its mutation id is still to come."),
    UPLOAD_OFFSET_MISMATCH(409, "upload-offset-mismatch",
            "A resumable upload continues only from the offset the server has; ask it with HEAD and continue "
                    + "from there."),
    EXPORT_NOT_READY(409, "export-not-ready",
            "The export job has not finished (or it failed); its content can be fetched once its status is DONE."),
    CURSOR_EXPIRED(410, "cursor-expired",
            "The sync cursor is older than the retention of changes; take a new snapshot by pulling without it."),
    UPLOAD_EXPIRED(410, "upload-expired",
            "A resumable upload not finished within its expiry is gone, with its bytes; start a new one."),
    EXPORT_EXPIRED(410, "export-expired",
            "An export's file is kept for 24 hours after it is done; ask for a new export."),
    CONTENT_DESTROYED(410, "content-destroyed",
            "The content was destroyed when its retention ended (its key was deleted); its record and digest remain."),
    VERSION_MISMATCH(412, "version-mismatch",
            "The If-Match header does not match the current version (ETag); fetch the resource again and retry."),
    TUS_VERSION_UNSUPPORTED(412, "tus-version-unsupported",
            "A resumable upload request must say Tus-Resumable: 1.0.0, the version of the tus protocol this server "
                    + "speaks (Tus-Version lists it)."),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body exceeds the limit for this kind of request."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type",
            "The request body's Content-Type is not one the operation accepts."),
    RANGE_NOT_SATISFIABLE(416, "range-not-satisfiable",
            "The requested byte range lies outside the content; Content-Range gives its size."),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused",
            "The Idempotency-Key was already used for a request with a different body."),
    PRECONDITION_REQUIRED(428, "precondition-required",
            "Changes to an existing resource must carry If-Match with the ETag of the version being changed."),
    CHECKSUM_MISMATCH(460, "checksum-mismatch",
            "The bytes of a resumable upload's chunk do not have the checksum given in Upload-Checksum (tus); the "
                    + "chunk was discarded and the upload stays at its offset."),
    WORK_REFUSED(400, "work-refused",
            "The report's proof of work was refused: its challenge is not this server's, has expired, is easier "
                    + "than the difficulty asked now, is not solved, or was spent before; fetch a new challenge."),
    TICKET_REFUSED(400, "ticket-refused",
            "The upload ticket of a report's attachment was refused: this server did not issue it, or it has "
                    + "expired; ask for a new one with the receipt."),
    RATE_LIMITED(429, "rate-limited",
            "This client address has made as many requests to the public API as a window allows; wait Retry-After "
                    + "seconds (RateLimit tells how many remain and when the window resets)."),
    SERVICE_UNAVAILABLE(503, "service-unavailable",
            "A backing service such as the database cannot be reached; retry after the Retry-After interval."),
    CONTENT_DAMAGED(500, "content-damaged",
            "The stored content failed its integrity check and is not served; report the traceId to the operators."),
    INTERNAL_ERROR(500, "internal-error", "An unexpected error occurred; report the traceId to the operators.");

    /** Base of every problem type URI; the API serves a description at each. */
    public static final String TYPE_BASE = "/api/v1/problems/";

    private final int status;
    private final String slug;
    private final String description;
    private final List<String> constraints;

    ErrorCode(int status, String slug, String description, String... constraints) {
        this.status = status;
        this.slug = slug;
        this.description = description;
        this.constraints = List.of(constraints);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String type() {
        return TYPE_BASE + slug;
    }

    /** The title, from the problem bundle ({@code title.<CODE>}). */
    public String title(boolean chinese) {
        return Text.of("title." + name()).in(chinese);
    }

    public String description() {
        return description;
    }

    public static Optional<ErrorCode> bySlug(String slug) {
        return Arrays.stream(values()).filter(c -> c.slug.equals(slug)).findFirst();
    }

    /**
     * The code that stands for a violation of a database constraint, found by the constraint's name in the text
     * that names it (the name Hibernate extracted, or the database's message when it extracted none).
     */
    public static Optional<ErrorCode> byConstraint(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(c -> c.constraints.stream().anyMatch(text::contains))
                .findFirst();
    }
}
