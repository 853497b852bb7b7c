package org.zuofeng.common.time;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A day the year's calendar sets apart: a public holiday, or a make-up working day. */
@Entity
@Table(name = "calendar_days")
public class CalendarDay {

    @Id
    public LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DayKind kind;

    @Column(nullable = false, length = 100)
    public String name;
}
