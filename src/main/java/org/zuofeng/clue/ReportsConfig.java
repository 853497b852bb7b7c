package org.zuofeng.clue;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The public reporting channel: its proof of work, its limits per client address, its receipts, and the attachments
 * a reporter adds.
 */
@ConfigMapping(prefix = "zuofeng.reports")
public interface ReportsConfig {

    /**
     * Leading zero bits the SHA-256 of a challenge's solution must have ({@code ZUOFENG_REPORTS_WORK_BITS}): each bit
     * doubles the work a report costs its sender; 20 is about a second of a phone's browser.
     */
    @WithDefault("20")
    int workBits();

    /** How long a challenge may be answered ({@code ZUOFENG_REPORTS_CHALLENGE_TTL}). */
    @WithDefault("PT30M")
    Duration challengeTtl();

    /** Reports one client address may send in an hour ({@code ZUOFENG_REPORTS_PER_ADDRESS_HOURLY}). */
    @WithDefault("5")
    int perAddressHourly();

    /**
     * Receipt lookups (status reads, answers) one client address may make in an hour
     * ({@code ZUOFENG_REPORTS_LOOKUPS_PER_ADDRESS_HOURLY}): a receipt has 10^16 values, this keeps guessing hopeless.
     */
    @WithDefault("30")
    int lookupsPerAddressHourly();

    /**
     * PBKDF2-HMAC-SHA256 iterations of a receipt's stored hash ({@code ZUOFENG_REPORTS_RECEIPT_ITERATIONS}): what
     * one guess at a receipt costs whoever holds a copy of the database and the secret.
     */
    @WithDefault("210000")
    int receiptIterations();

    /** How long an attachment's upload ticket may be used ({@code ZUOFENG_REPORTS_ATTACHMENT_TICKET_TTL}). */
    @WithDefault("PT15M")
    Duration attachmentTicketTtl();

    /** Attachments one report may have ({@code ZUOFENG_REPORTS_ATTACHMENTS_PER_REPORT}). */
    @WithDefault("10")
    int attachmentsPerReport();

    /**
     * Bytes all of one report's attachments may have together ({@code ZUOFENG_REPORTS_ATTACHMENT_BYTES_PER_REPORT});
     * each is also held to the evidence limit of its type.
     */
    @WithDefault("500M")
    MemorySize attachmentBytesPerReport();

    /** Largest MP3, M4A, WAV or AMR recording attached to a report ({@code ZUOFENG_REPORTS_MAX_AUDIO_SIZE}). */
    @WithDefault("100M")
    MemorySize maxAudioSize();
}
