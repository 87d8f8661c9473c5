package io.zre4j.transport.jeromq;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A ZMTP 3.0 DEALER written by hand over a plain TCP socket (NULL mechanism), to send what JeroMQ never would,
 * and to use ZMTP's PING/PONG as a barrier: the peer's engine answers a PING only after it has processed
 * everything sent before it. Loopback endpoints only.
 */
final class RawZmtpClient implements AutoCloseable {

    private static final int MORE = 0x01;
    private static final int LONG = 0x02;
    private static final int COMMAND = 0x04;
    private static final int READ_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;

    private RawZmtpClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new DataOutputStream(socket.getOutputStream());
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Opens a TCP connection to a {@code tcp://127.0.0.1:port} endpoint; nothing is sent yet. */
    static RawZmtpClient connect(String endpoint) throws IOException {
        URI uri = URI.create(endpoint);
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), READ_TIMEOUT_MS);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        return new RawZmtpClient(socket);
    }

    /**
     * Sends the greeting and a READY announcing a DEALER with {@code identity}, and reads the peer's greeting.
     *
     * @return this client
     */
    RawZmtpClient handshake(byte[] identity) throws IOException {
        return handshake("DEALER", identity);
    }

    /**
     * Sends the greeting and a READY announcing a socket of {@code socketType} with {@code identity}, and reads
     * the peer's greeting.
     *
     * @return this client
     */
    RawZmtpClient handshake(String socketType, byte[] identity) throws IOException {
        byte[] greeting = new byte[64];
        greeting[0] = (byte) 0xFF;
        greeting[9] = 0x7F;
        greeting[10] = 3; // version 3.0
        byte[] mechanism = "NULL".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mechanism, 0, greeting, 12, mechanism.length);
        out.write(greeting);
        ByteArrayOutputStream ready = new ByteArrayOutputStream();
        ready.write(5);
        ready.writeBytes("READY".getBytes(StandardCharsets.US_ASCII));
        property(ready, "Socket-Type", socketType.getBytes(StandardCharsets.US_ASCII));
        property(ready, "Identity", identity);
        frame(COMMAND, ready.toByteArray());
        out.flush();
        in.readFully(new byte[64]);
        return this;
    }

    private static void property(ByteArrayOutputStream body, String name, byte[] value) {
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        body.write(nameBytes.length);
        body.writeBytes(nameBytes);
        body.write(value.length >>> 24);
        body.write(value.length >>> 16);
        body.write(value.length >>> 8);
        body.write(value.length);
        body.writeBytes(value);
    }

    /** Sends one message. */
    void send(byte[]... frames) throws IOException {
        for (int i = 0; i < frames.length; i++) {
            frame(i < frames.length - 1 ? MORE : 0, frames[i]);
        }
        out.flush();
    }

    private void frame(int flags, byte[] body) throws IOException {
        if (body.length > 255) {
            out.write(flags | LONG);
            out.writeLong(body.length);
        } else {
            out.write(flags);
            out.write(body.length);
        }
        out.write(body);
    }

    /**
     * Sends a PING and waits (bounded) for its PONG: the peer's engine has then processed everything sent
     * before the PING, and handed it to its socket.
     */
    void barrier() throws IOException {
        byte[] context = {'z', 'r', 'e'};
        ByteArrayOutputStream ping = new ByteArrayOutputStream();
        ping.write(4);
        ping.writeBytes("PING".getBytes(StandardCharsets.US_ASCII));
        ping.write(0); // TTL, 2 bytes: none
        ping.write(0);
        ping.writeBytes(context);
        frame(COMMAND, ping.toByteArray());
        out.flush();
        byte[] pong = new byte[1 + 4 + context.length];
        pong[0] = 4;
        System.arraycopy("PONG".getBytes(StandardCharsets.US_ASCII), 0, pong, 1, 4);
        System.arraycopy(context, 0, pong, 5, context.length);
        while (!Arrays.equals(readFrame(), pong)) {
            // the peer's READY, or anything else before the PONG
        }
    }

    private byte[] readFrame() throws IOException {
        int flags = in.readUnsignedByte();
        long size = (flags & LONG) != 0 ? in.readLong() : in.readUnsignedByte();
        byte[] body = new byte[Math.toIntExact(size)];
        in.readFully(body);
        return body;
    }

    /**
     * Writes empty frames that all carry the MORE flag, a message that never ends, until {@code maxFrames}
     * are written, {@code deadlineNs} passes, or the peer closes the connection.
     *
     * @return how many frames were written
     */
    long sendEndlessMessage(long maxFrames, long deadlineNs) {
        int framesPerChunk = 65_536;
        byte[] chunk = new byte[2 * framesPerChunk];
        for (int i = 0; i < chunk.length; i += 2) {
            chunk[i] = MORE; // and a size of 0
        }
        long sent = 0;
        try {
            OutputStream raw = socket.getOutputStream();
            while (sent < maxFrames && System.nanoTime() - deadlineNs < 0) {
                raw.write(chunk);
                sent += framesPerChunk;
            }
        } catch (IOException e) {
            // the peer closed the connection, or the test closed this client
        }
        return sent;
    }

    /**
     * Closes this side of the connection and waits (bounded) until the peer has closed its side too: its engine
     * has then seen the end of the stream and dropped the connection.
     */
    void hangUp() throws IOException {
        socket.shutdownOutput();
        if (!closedByPeerWithin(READ_TIMEOUT_MS)) {
            throw new IOException("the peer kept the connection open for " + READ_TIMEOUT_MS + " ms");
        }
    }

    /** Whether the peer closes the connection within {@code waitMs} (reading and discarding what it sends). */
    boolean closedByPeerWithin(int waitMs) {
        long deadlineNs = System.nanoTime() + waitMs * 1_000_000L;
        try {
            byte[] buffer = new byte[4096];
            while (System.nanoTime() - deadlineNs < 0) {
                socket.setSoTimeout((int) Math.max(1, (deadlineNs - System.nanoTime()) / 1_000_000));
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the peer
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
