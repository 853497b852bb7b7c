package org.zuofeng.notice;

import org.zuofeng.common.concurrency.Versioned;
import org.zuofeng.official.PostRole;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A notice as the API shows it. */
public record NoticeView(
        UUID id,
        NoticeType type,
        String title,
        String body,
        List<UUID> addresseeUnitIds,
        List<PublicExposureView.UnitName> addressees,
        List<UUID> findingIds,
        List<UUID> officialIds,
        LocalDate deadline,
        OffsetDateTime talkScheduledAt,
        String area,
        Visibility visibility,
        ExposureMedium medium,
        SerialNumber serialNumber,
        String documentNumber,
        NoticeStatus status,
        OffsetDateTime issuedAt,
        String issuedBy,
        boolean overdue,
        List<ResponseView> responses,
        List<SummonedOfficial> summonedOfficials,
        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) implements Versioned {

    /** The notice's number: per type and calendar year, e.g. {@code 2015年第3期}. */
    public record SerialNumber(int year, int sequence, String label) {
        public static SerialNumber of(Integer year, Integer sequence) {
            return year == null ? null : new SerialNumber(year, sequence, year + "年第" + sequence + "期");
        }
    }

    /** An official summoned to an admonition talk, with the post held on the issue date. */
    public record SummonedOfficial(UUID officialId, String name, PostRole role, String title) {
    }

    /** A unit's response. */
    public record ResponseView(UUID id, String measures, LocalDate completedOn, OffsetDateTime respondedAt,
            String respondedBy) {
    }
}
