/**
 * Officials and the posts they hold in units, by date. Who led a unit on a day (its principal, its deputies in
 * charge) decides accountability and summons, so posts end but are never rewritten into the past; ID numbers and
 * birth dates are personal data, masked by role. Other features reach them only through
 * {@link org.zuofeng.official.Officials}, this feature's API for them.
 */
package org.zuofeng.official;
