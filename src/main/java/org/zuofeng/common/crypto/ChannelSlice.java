package org.zuofeng.common.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;

/**
 * At most {@code length} bytes of a seekable channel from where it stands, as a stream: a byte range of a file, clear
 * or sealed. A skip moves the channel's position, so what is skipped is never read.
 */
public class ChannelSlice extends InputStream {

    private final SeekableByteChannel channel;
    private final InputStream in;
    private long remaining;

    public ChannelSlice(SeekableByteChannel channel, long length) {
        this.channel = channel;
        this.in = Channels.newInputStream(channel);
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = in.read(buffer, off, (int) Math.min(len, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = Math.max(0, Math.min(n, remaining));
        channel.position(channel.position() + skipped);
        remaining -= skipped;
        return skipped;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
