package org.zuofeng.clue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.zuofeng.finding.FindingCategory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A report from the public (检举控告), as its reporter sent it. It keeps no address, user agent or time finer than
 * the day it arrived; its receipt only as a keyed hash; a real-name reporter's name and contact only sealed.
 */
@Entity
@Table(name = "public_reports")
public class PublicReport {

    @Id
    public UUID id;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "receipt_hash", nullable = false, updatable = false, length = 64)
    public String receiptHash;

    /** 不作为, 慢作为, 乱作为; null for anything else. */
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public FindingCategory category;

    @Column(nullable = false, updatable = false, length = 200)
    public String title;

    @Column(nullable = false, updatable = false, length = 10_000)
    public String details;

    /** The unit reported, when the code the reporter gave is a unit's. */
    @Column(name = "about_unit_id", updatable = false)
    public UUID aboutUnitId;

    /** The unit's code, as the reporter gave it. */
    @Column(name = "unit_code", updatable = false, length = 64)
    public String unitCode;

    /** The unit's name, as the reporter knows it. */
    @Column(name = "unit_name", updatable = false, length = 200)
    public String unitName;

    /** The people reported, by name and post as the reporter knows them. */
    @Column(updatable = false, length = 2000)
    public String people;

    /** When and where it happened, as the reporter says. */
    @Column(updatable = false, length = 500)
    public String happened;

    /** Whether the reporter gave their name (实名举报), which obliges the commission to tell them the result. */
    @Column(name = "real_name", nullable = false, updatable = false)
    public boolean realName;

    /** The reporter's name and contact, sealed; only a custodian's approval opens them. */
    @Column(name = "identity_sealed", updatable = false)
    public byte[] identitySealed;

    @Column(name = "received_on", nullable = false, updatable = false)
    public LocalDate receivedOn;
}
