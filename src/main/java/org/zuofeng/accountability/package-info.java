/**
 * Accountability cases (问责). Opening a violation case opens the leadership cases of the unit's principal and
 * deputies in charge on the day it happened, in the same transaction (一案双查); a decision is never overwritten, an
 * appeal that revises it supersedes it and both stay in the history. The assessment feature records a termination
 * by public review through {@link org.zuofeng.accountability.Terminations}, this feature's API for it.
 */
package org.zuofeng.accountability;
