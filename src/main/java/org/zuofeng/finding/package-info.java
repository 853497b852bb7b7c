/**
 * Findings recorded by an inspection team in the field (also offline, under a client-made id), with their evidence.
 * A finding is seen as its inspection is ({@link org.zuofeng.finding.FindingAccess}) and cannot be cited while that
 * inspection is secret; notices and cases reach findings only through {@link org.zuofeng.finding.Findings},
 * this feature's API for them.
 */
package org.zuofeng.finding;
