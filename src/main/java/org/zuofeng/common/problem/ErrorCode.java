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
    VALIDATION_FAILED(400, "validation", "Request is invalid", "请求无效",
            "One or more fields or parameters are invalid; `errors` lists each with a JSON pointer or parameter name."),
    MALFORMED_JSON(400, "malformed-json", "Request body is not valid JSON", "请求体不是有效的 JSON",
            "The body could not be parsed as JSON."),
    INVALID_PARAMETER(400, "invalid-parameter", "Parameter is invalid", "参数无效",
            "A path, query or header parameter has a value of the wrong form, such as a malformed UUID or date."),
    DIGEST_MISMATCH(400, "digest-mismatch", "Content does not match its digest", "内容与摘要不符",
            "The uploaded bytes do not have the SHA-256 digest given in Content-Digest; nothing was kept."),
    UNKNOWN_PARAMETER(400, "unknown-parameter", "Unknown query parameter", "未知的查询参数",
            "The request carries a query parameter the operation does not define; the contract lists each one."),
    INVALID_CURSOR(400, "invalid-cursor", "Cursor is invalid", "分页游标无效",
            "The cursor is malformed, was not made by this server for this caller, or was made for other filters or "
                    + "another sort order; start again without it."),
    REQUEST_REFUSED(400, "request-refused", "Request refused", "请求被拒绝",
            "The HTTP layer refused the request for a reason with no code of its own; the status (a 4xx) says "
                    + "which, and nothing was done."),
    UNAUTHORIZED(401, "unauthorized", "Authentication is required", "需要身份认证",
            "The request has no bearer token, or the token is invalid or expired."),
    FORBIDDEN(403, "forbidden", "Operation not permitted", "无权执行此操作",
            "The caller's role may never perform this kind of operation."),
    NOT_FOUND(404, "not-found", "Resource not found", "资源不存在",
            "The resource does not exist or lies outside the caller's scope."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", "不支持该请求方法",
            "The resource does not support this HTTP method; the Allow header lists the supported ones."),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable", "无法提供所请求的媒体类型",
            "The API cannot produce any media type the Accept header asks for."),
    CONFLICT(409, "conflict", "Conflict with the current state", "与当前状态冲突",
            "The request conflicts with the current state of the resource."),
    UNIT_CODE_TAKEN(409, "unit-code-taken", "Unit code already in use", "单位编码已被使用",
            "Another unit already has this code; codes are unique among all units, dissolved ones included.",
            "uq_units_code"),
    UNIT_CYCLE(409, "unit-cycle", "Unit cannot be moved under itself", "单位不能移动到自身之下",
            "A unit cannot become its own ancestor: the new parent is the unit itself or one of its descendants."),
    UNIT_HAS_ACTIVE_CHILDREN(409, "unit-has-active-children", "Unit has active subunits", "单位仍有在用的下级单位",
            "A unit can be dissolved only after all its subunits are dissolved."),
    UNIT_DISSOLVED(409, "unit-dissolved", "Unit is dissolved", "单位已撤销",
            "A dissolved unit cannot be changed and cannot receive new subunits."),
    UNIT_HAS_ACTIVE_POSTS(409, "unit-has-active-posts", "Unit has officials in post", "单位仍有在任人员",
            "A unit can be dissolved only after every post in it has ended."),
    OFFICIAL_ID_NUMBER_TAKEN(409, "official-id-number-taken", "ID number already recorded", "身份证号已登记",
            "Another official already has this resident ID number; find them with POST /api/v1/officials/search.",
            "uq_officials_id_number"),
    ACCOUNT_SUBJECT_TAKEN(409, "account-subject-taken", "Account already linked", "账号已关联其他人员",
            "Another official is already linked to this OIDC subject; a subject belongs to one official.",
            "uq_officials_account_subject"),
    EXTERNAL_ID_TAKEN(409, "external-id-taken", "External id already recorded", "外部系统编号已登记",
            "Another official already has this id in that system; an id names one official in its system.",
            "uq_official_external_ids_system_id"),
    LIST_PUBLISHED(409, "list-published", "List version is published", "清单版本已发布",
            "A published version of a unit's list never changes; draft a new version, which supersedes it from its "
                    + "effective date."),
    LIST_NOT_LATER(409, "list-not-later", "List version must take effect later", "清单生效日期须晚于现行版本",
            "A new version of a list supersedes the last published one from its effective date, which must therefore "
                    + "be later than that version's."),
    PRINCIPAL_OVERLAP(409, "principal-overlap", "Unit already has a principal then", "该时段单位已有一把手",
            "A unit has at most one principal (一把手) on any day; the new term overlaps an existing one.",
            "ex_posts_one_principal"),
    CLIENT_ID_CONFLICT(409, "client-id-conflict", "Id already used for other content", "该编号已用于其他内容",
            "A record with this client-made id exists with other content; a repeated create must send the same "
                    + "content as the first one, or use a new id.", "inspections_pkey", "findings_pkey"),
    RECUSAL_REQUIRED(409, "recusal-required", "Team member must recuse", "检查组成员需回避",
            "A team member's linked official holds a post in a target unit or below it (回避); `subjects` names them."),
    INSPECTION_CLOSED(409, "inspection-closed", "Inspection is closed", "检查已结束",
            "A completed or cancelled inspection can no longer be changed."),
    INSPECTION_NOT_IN_PROGRESS(409, "inspection-not-in-progress", "Inspection is not in progress", "检查未在进行中",
            "Findings are recorded and edited only while their inspection is in progress."),
    FINDING_CLOSED(409, "finding-closed", "Finding is closed", "问题已办结",
            "A verified or dismissed finding takes no more evidence."),
    EVIDENCE_NOT_ACCEPTED(409, "evidence-not-accepted", "Evidence not accepted now", "当前不接受证据",
            "A cancelled inspection takes no evidence."),
    NOTICE_ISSUED(409, "notice-issued", "Notice already issued", "通知已印发",
            "Only drafts are edited or deleted; an issued notice changes only through its lifecycle, and is never "
                    + "deleted (withdraw it instead)."),
    DOCUMENT_NOT_ISSUED(409, "document-not-issued", "No formal document yet", "尚无正式文书",
            "A notice has its formal document once it is issued, a case once it is decided."),
    NOT_A_COVERT_FEATURE(409, "not-a-covert-feature", "Not an exposé feature", "不是暗访专题片",
            "An exposé feature (暗访专题片) is compiled from covert evidence: it cites findings of covert inspections "
                    + "only, and video evidence is among theirs."),
    NOTICE_NOT_AWAITING_RESPONSE(409, "notice-not-awaiting-response", "Notice is not awaiting a response",
            "通知当前不需反馈",
            "Only an issued or returned rectification notice takes the addressed unit's response."),
    DEADLINE_BEFORE_ISSUE(409, "deadline-before-issue", "Deadline before the issue date", "整改期限早于印发日期",
            "A rectification notice cannot be issued after its deadline; correct the draft's deadline first."),
    UNIT_HAS_NO_PRINCIPAL(409, "unit-has-no-principal", "Unit has no principal that day", "该单位当日无一把手",
            "An admonition talk summons the addressed unit's principal, and the unit has none on the issue date; "
                    + "name the officials to summon, or record the principal's post first."),
    COVERT_FINDINGS_SECRET(409, "covert-findings-secret", "Covert findings are still secret", "暗访问题尚未公开",
            "A notice or an accountability case may cite the findings of a covert inspection only once that "
                    + "inspection is completed."),
    NOT_OF_ADDRESSED_UNITS(409, "not-of-addressed-units", "Not of the addressed units", "不属于受文单位",
            "A notice cites only findings about its addressed units (or units below them) and names only officials "
                    + "holding a post there on the issue date; `errors` lists each that does not."),
    INSPECTION_TYPE_FIXED(409, "inspection-type-fixed", "Inspection type is fixed", "检查类型不可更改",
            "An inspection's type (open, covert, supervision check) is fixed once it has started: changing it would "
                    + "turn its secrecy on or off mid-run."),
    CASE_NOT_OPEN(409, "case-not-open", "Case is not open", "案件不在待处理状态",
            "Only an open case takes a decision; a decided one changes only through an appeal.",
            "uq_case_standing_decision"),
    APPEAL_NOT_ALLOWED(409, "appeal-not-allowed", "Appeal not possible now", "当前不能申诉",
            "An appeal needs a standing decision and no other appeal pending."),
    APPEAL_RESOLVED(409, "appeal-resolved", "Appeal already resolved", "申诉已处理",
            "An appeal is resolved once."),
    SCHEME_FROZEN(409, "scheme-frozen", "Scheme is in use", "考核方案已在使用",
            "A scheme that has assessments cannot change; a new year means a new scheme."),
    ASSESSMENT_EXISTS(409, "assessment-exists", "Subject already assessed", "该对象已有考核",
            "There is one assessment per subject per scheme.", "uq_assessments_official", "uq_assessments_team"),
    ASSESSMENT_NOT_DRAFT(409, "assessment-not-draft", "Assessment is no longer a draft", "考核已不是草稿",
            "Only a draft assessment is corrected; an upheld objection returns it to draft."),
    EXCELLENT_QUOTA_EXCEEDED(409, "excellent-quota-exceeded", "Excellent quota exceeded", "优秀名额已满",
            "Another EXCELLENT grade would push the unit's share for the scheme over the scheme's quota "
                    + "(rounded down, at least one per unit)."),
    NOTICE_WINDOW_OPEN(409, "notice-window-open", "Public notice has not ended", "公示期未满",
            "An assessment becomes final only after its public notice has ended."),
    OBJECTIONS_PENDING(409, "objections-pending", "Objections are unresolved", "尚有异议未处理",
            "An assessment becomes final only when every objection is resolved."),
    OBJECTION_OUTSIDE_WINDOW(409, "objection-outside-window", "Not in public notice", "不在公示期内",
            "Objections are raised only while the assessment is in public notice."),
    OBJECTION_RESOLVED(409, "objection-resolved", "Objection already resolved", "异议已处理",
            "An objection is resolved once."),
    VOTES_MISSING(409, "votes-missing", "The vote is not in", "民主测评结果尚未录入",
            "A village cadre's review becomes final once the public review's valid votes are recorded."),
    BULLETIN_NOT_READY(409, "bulletin-not-ready", "Results cannot be circulated yet", "考核结果尚不能通报",
            "A bulletin of team grades needs a leadership-team scheme whose assessments are all final."),
    INVALID_TRANSITION(409, "invalid-transition", "Step not allowed from the current state", "当前状态不允许此操作",
            "The lifecycle does not allow this step from the resource's current state; `allowedTargets` lists the "
                    + "states it can go to."),
    IDEMPOTENCY_KEY_IN_FLIGHT(409, "idempotency-key-in-flight", "Request with this key is still in progress",
            "相同幂等键的请求仍在处理中",
            "An earlier request with the same Idempotency-Key has not finished yet; retry after it completes."),
    MUTATION_GAP(409, "mutation-gap", "Mutations are missing before this one", "此前的变更缺失",
            "Mutation ids of a sync client are consecutive from 1; this one lies beyond the next one expected, so it "
                    + "and the rest of its batch were not applied. Resend from `lastMutationId` + 1."),
    BATCH_ABORTED(409, "batch-aborted", "Atomic batch not applied", "原子批次未执行",
            "An atomic push is applied whole or not at all; another mutation of the batch was refused, so this one "
                    + "was not applied either, and its mutation id is still to come."),
    UPLOAD_OFFSET_MISMATCH(409, "upload-offset-mismatch", "Upload is at another offset", "上传偏移量不符",
            "A resumable upload continues only from the offset the server has; ask it with HEAD and continue "
                    + "from there."),
    EXPORT_NOT_READY(409, "export-not-ready", "Export is not ready", "导出尚未完成",
            "The export job has not finished (or it failed); its content can be fetched once its status is DONE."),
    CURSOR_EXPIRED(410, "cursor-expired", "Cursor has expired", "同步游标已过期",
            "The sync cursor is older than the retention of changes; take a new snapshot by pulling without it."),
    UPLOAD_EXPIRED(410, "upload-expired", "Upload has expired", "上传已过期",
            "A resumable upload not finished within its expiry is gone, with its bytes; start a new one."),
    EXPORT_EXPIRED(410, "export-expired", "Export has expired", "导出已过期",
            "An export's file is kept for 24 hours after it is done; ask for a new export."),
    VERSION_MISMATCH(412, "version-mismatch", "Resource has changed", "资源已被修改",
            "The If-Match header does not match the current version (ETag); fetch the resource again and retry."),
    TUS_VERSION_UNSUPPORTED(412, "tus-version-unsupported", "tus version not supported", "不支持的 tus 版本",
            "A resumable upload request must say Tus-Resumable: 1.0.0, the version of the tus protocol this server "
                    + "speaks (Tus-Version lists it)."),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large", "请求体过大",
            "The request body exceeds the limit for this kind of request."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type", "不支持的媒体类型",
            "The request body's Content-Type is not one the operation accepts."),
    RANGE_NOT_SATISFIABLE(416, "range-not-satisfiable", "Range not satisfiable", "请求的范围无效",
            "The requested byte range lies outside the content; Content-Range gives its size."),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency key reused with another request",
            "幂等键已用于不同的请求",
            "The Idempotency-Key was already used for a request with a different body."),
    PRECONDITION_REQUIRED(428, "precondition-required", "If-Match header required", "缺少 If-Match 请求头",
            "Changes to an existing resource must carry If-Match with the ETag of the version being changed."),
    CHECKSUM_MISMATCH(460, "checksum-mismatch", "Chunk does not match its checksum", "分块与校验和不符",
            "The bytes of a resumable upload's chunk do not have the checksum given in Upload-Checksum (tus); the "
                    + "chunk was discarded and the upload stays at its offset."),
    RATE_LIMITED(429, "rate-limited", "Too many requests", "请求过于频繁",
            "This client address has made as many requests to the public API as a window allows; wait Retry-After "
                    + "seconds (RateLimit tells how many remain and when the window resets)."),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service temporarily unavailable", "服务暂时不可用",
            "A backing service such as the database cannot be reached; retry after the Retry-After interval."),
    INTERNAL_ERROR(500, "internal-error", "Internal server error", "服务器内部错误",
            "An unexpected error occurred; report the traceId to the operators.");

    /** Base of every problem type URI; the API serves a description at each. */
    public static final String TYPE_BASE = "/api/v1/problems/";

    private final int status;
    private final String slug;
    private final String title;
    private final String titleZh;
    private final String description;
    private final List<String> constraints;

    ErrorCode(int status, String slug, String title, String titleZh, String description, String... constraints) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.titleZh = titleZh;
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

    public String title(boolean chinese) {
        return chinese ? titleZh : title;
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
