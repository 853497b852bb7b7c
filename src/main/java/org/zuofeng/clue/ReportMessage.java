package org.zuofeng.clue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** One message of a report's conversation: the commission's question or the reporter's answer. */
@Entity
@Table(name = "report_messages")
public class ReportMessage {

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false, updatable = false)
    public UUID reportId;

    /** Its place in the conversation, from 1. */
    @Column(nullable = false, updatable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public MessageSender sender;

    @Column(nullable = false, updatable = false, length = 5000)
    public String body;

    @Column(name = "sent_on", nullable = false, updatable = false)
    public LocalDate sentOn;

    /** The commission member who wrote a question; never shown to the reporter. Null for the reporter's. */
    @Column(updatable = false)
    public String author;
}
