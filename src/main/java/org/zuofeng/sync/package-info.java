/**
 * Field sync: devices push what they recorded offline and pull what changed. A mutation is applied exactly once
 * because the client's last mutation id moves in the same transaction as its data; a pull serves only the stable
 * past of the change log, and a device is told to drop exactly the records it holds that leave the caller's view.
 */
package org.zuofeng.sync;
