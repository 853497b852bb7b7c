/**
 * The demo district (榕城区) that {@code quarkus:dev} creates on its first start, through the same services the API
 * calls, so that a newcomer has something to look at with each dev user.
 */
package org.zuofeng.demo;
