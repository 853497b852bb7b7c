package org.zuofeng.clue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A clarification (澄清正名): a public notice clearing the name of an official a clue proved unfounded against. The
 * public reads the notice; the clue behind it stays with the commission.
 */
@Entity
@Table(name = "clue_clarifications")
public class ClueClarification {

    @Id
    public UUID id;

    @Column(name = "clue_id", nullable = false, updatable = false)
    public UUID clueId;

    @Column(name = "official_id", nullable = false, updatable = false)
    public UUID officialId;

    /** The unit the notice names the official in: one the clue concerns. */
    @Column(name = "unit_id", nullable = false, updatable = false)
    public UUID unitId;

    @Column(nullable = false, updatable = false, length = 200)
    public String title;

    @Column(nullable = false, updatable = false, length = 5000)
    public String body;

    @Column(name = "published_on", nullable = false, updatable = false)
    public LocalDate publishedOn;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
}
