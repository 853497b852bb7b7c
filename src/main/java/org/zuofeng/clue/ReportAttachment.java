package org.zuofeng.clue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A file a reporter attached to their report: its bytes are kept by content in the evidence store, under
 * {@link #sha256}. It keeps no file name and no time finer than the day it arrived.
 */
@Entity
@Table(name = "report_attachments")
public class ReportAttachment {

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false, updatable = false)
    public UUID reportId;

    /** 1, 2, … in the order the report received them. */
    @Column(nullable = false, updatable = false)
    public int position;

    /** The type sniffed from the bytes, as declared. */
    @Column(name = "media_type", nullable = false, updatable = false, length = 100)
    public String mediaType;

    @Column(nullable = false, updatable = false)
    public long size;

    @Column(nullable = false, updatable = false, length = 64)
    public String sha256;

    @Column(name = "received_on", nullable = false, updatable = false)
    public LocalDate receivedOn;
}
