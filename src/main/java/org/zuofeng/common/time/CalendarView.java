package org.zuofeng.common.time;

import java.util.List;

/** A year's days set apart, in date order; every other weekday is worked and every other weekend day is not. */
public record CalendarView(int year, List<CalendarWrite.Day> days) {
}
