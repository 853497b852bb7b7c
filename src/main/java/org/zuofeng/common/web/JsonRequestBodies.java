package org.zuofeng.common.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * The API's own JSON request bodies (its {@code org.zuofeng} types) are read by {@link BodyReader}, so that a body
 * with several errors gets them all in one problem; an empty body is no body, as Quarkus reads it.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonRequestBodies implements MessageBodyReader<Object> {

    private final BodyReader bodies;

    public JsonRequestBodies(BodyReader bodies) {
        this.bodies = bodies;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.getName().startsWith("org.zuofeng.") && JsonBodyFilter.isJson(mediaType);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        PushbackInputStream in = new PushbackInputStream(entity, 1);
        int first = in.read();
        if (first == -1) {
            return null;
        }
        in.unread(first);
        return bodies.readRequest(in, genericType);
    }
}
