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
        return HeldPost.within(startDate, endDate, day);
    }
}
