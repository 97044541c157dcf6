package dev.accountlinker.localtenant;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.IntConsumer;

/**
 * Delegating exchange that reports the status just before the response headers go out, so a request is in
 * {@link LocalTenant#requests()} before the client can see its answer (tests read the log right after a call).
 */
final class RecordingExchange extends HttpExchange {
    private final HttpExchange delegate;
    private final IntConsumer onStatus;
    private boolean reported;

    RecordingExchange(HttpExchange delegate, IntConsumer onStatus) {
        this.delegate = delegate;
        this.onStatus = onStatus;
    }

    /** Reports once; used directly when no response is sent at all (dropped connection). */
    void report(int status) {
        if (!reported) {
            reported = true;
            onStatus.accept(status);
        }
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
        report(rCode);
        delegate.sendResponseHeaders(rCode, responseLength);
    }

    @Override
    public Headers getRequestHeaders() {
        return delegate.getRequestHeaders();
    }

    @Override
    public Headers getResponseHeaders() {
        return delegate.getResponseHeaders();
    }

    @Override
    public URI getRequestURI() {
        return delegate.getRequestURI();
    }

    @Override
    public String getRequestMethod() {
        return delegate.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        return delegate.getHttpContext();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public InputStream getRequestBody() {
        return delegate.getRequestBody();
    }

    @Override
    public OutputStream getResponseBody() {
        return delegate.getResponseBody();
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return delegate.getRemoteAddress();
    }

    @Override
    public int getResponseCode() {
        return delegate.getResponseCode();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return delegate.getLocalAddress();
    }

    @Override
    public String getProtocol() {
        return delegate.getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        return delegate.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        delegate.setAttribute(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        delegate.setStreams(i, o);
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return delegate.getPrincipal();
    }
}
