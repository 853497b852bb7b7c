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

    /** The parameters of a list read by the service itself (an export), as a client would send them. */
    public static PageParams of(Integer limit, String cursor, String sort) {
        PageParams params = new PageParams();
        params.limit = limit;
        params.cursor = cursor;
        params.sort = sort;
        return params;
    }

    public PageRequest request() {
        return PageRequest.of(limit, cursor, count);
    }

    public String sort() {
        return sort;
    }
}
