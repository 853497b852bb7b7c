package org.zuofeng.common.paging;

import jakarta.ws.rs.QueryParam;

/** The query parameters every list takes: {@code limit}, {@code cursor}, {@code count} and {@code sort}. */
public class PageParams {

    @QueryParam("limit")
    Integer limit;

    @QueryParam("cursor")
    String cursor;

    @QueryParam("count")
    Boolean count;

    @QueryParam("sort")
    String sort;

    public PageRequest request() {
        return PageRequest.of(limit, cursor, count);
    }

    public String sort() {
        return sort;
    }
}
