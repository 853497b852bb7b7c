package org.zuofeng.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.zuofeng.common.persistence.AuditedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A declared contact of an official with a business: what happened is fixed once declared (a correction is declared
 * anew), and only the commission's review moves it on. Never deleted.
 */
@Entity
@Table(name = "business_contacts")
public class BusinessContact extends AuditedEntity {

    @Column(name = "official_id", nullable = false, updatable = false)
    public UUID officialId;

    /** The unit of the official's post on the day of the contact: the declaration's place in unit scopes. */
    @Column(name = "unit_id", nullable = false, updatable = false)
    public UUID unitId;

    @Column(name = "business_name", nullable = false, updatable = false)
    public String businessName;

    @Column(name = "credit_code", nullable = false, updatable = false)
    public String creditCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ContactKind kind;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    public LocalDate occurredOn;

    @Column(updatable = false)
    public String place;

    /** In yuan. */
    @Column(name = "value_yuan", updatable = false)
    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    @Column(name = "paid_by", updatable = false)
    public PaidBy paidBy;

    /** An offer (a gift, a meal, travel) the official declined. */
    @Column(nullable = false, updatable = false)
    public boolean declined;

    @Column(nullable = false, updatable = false)
    public String purpose;

    @Column(name = "others_present", updatable = false)
    public String othersPresent;

    /** Items of the unit's power list the contact concerns (the business is one it supervises or approves for). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "power_items", nullable = false, updatable = false)
    public List<ContactView.PowerItem> powerItems;

    @Column(name = "declared_on", nullable = false, updatable = false)
    public LocalDate declaredOn;

    /** Declared by someone other than the official (a unit officer, an admin). */
    @Column(name = "on_behalf", nullable = false, updatable = false)
    public boolean onBehalf;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<ContactFlag> flags;

    /** The codes of {@link #flags}, to filter and count by. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "flag_codes", nullable = false, updatable = false, columnDefinition = "varchar(32)[]")
    public String[] flagCodes = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactStatus status;

    @Column(name = "review_reason")
    public String reviewReason;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "clue_id")
    public UUID clueId;
}
