/**
 * Supervision notices: bulletins, rectification notices, admonition talks, public exposures. Issuing numbers a notice
 * without gaps per type and year (a rolled-back issue gives its number back); a notice cites only what belongs to
 * the units it is addressed to, since they alone read and answer it. Other features reach notices only through
 * {@link org.zuofeng.notice.Notices}, this feature's API for them.
 */
package org.zuofeng.notice;
