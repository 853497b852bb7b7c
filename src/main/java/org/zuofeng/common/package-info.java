/**
 * What every feature shares and no feature owns: errors (RFC 9457), paging, concurrency, idempotency, security and
 * the caller's scope, audit, transitions, wire formats. Nothing here depends on a feature; features plug in through
 * its interfaces ({@link org.zuofeng.common.security.ScopeSource}, {@link org.zuofeng.common.audit.CovertRecords}).
 */
package org.zuofeng.common;
