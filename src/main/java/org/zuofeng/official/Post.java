package org.zuofeng.official;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.LocalDate;
import java.util.UUID;

/** A post an official holds in a unit from {@code startDate} to {@code endDate} (both included; open when null). */
@Entity
@Table(name = "posts")
public class Post extends AuditedEntity {

    @Column(name = "official_id", nullable = false, updatable = false)
    public UUID officialId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(nullable = false, length = 100)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostRole role;

    /** The area a deputy is in charge of (e.g. 城建). */
    @Column(length = 200)
    public String responsibility;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    public boolean activeOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }

    /**
     * Whether the holder answers, as a leader, for a problem in the area: the principal for every area, a deputy
     * in charge for their own (for any, when no area is said), nobody else.
     */
    public boolean answersFor(String area) {
        return role == PostRole.PRINCIPAL
                || role == PostRole.DEPUTY_IN_CHARGE && (area == null || area.equals(responsibility));
    }
}
