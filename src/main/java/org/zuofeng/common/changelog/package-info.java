/**
 * The change log: one row per record per transaction, written by database triggers (V11) in the transaction of the
 * change, read only below the horizon of running transactions so that a late commit is never skipped. Field sync
 * ({@code sync/}) reads it; each kind of record a device keeps plugs in as a {@link SyncedKind}, implemented by its
 * feature: {@code UnitSync}, {@code OfficialSync}, {@code InspectionSync}, {@code FindingSync}, {@code EvidenceSync}.
 */
package org.zuofeng.common.changelog;
