package io.zre4j.core.codec;

import java.util.List;
import java.util.Map;

/** STUB: being written; signatures are the contract. */
public final class ZreCodec {
    public static final int VERSION = 2;
    private ZreCodec() {}
    public static List<byte[]> encode(ZreMessage message) { throw new UnsupportedOperationException(); }
    public static byte[] encodeHeader(ZreMessage message) { throw new UnsupportedOperationException(); }
    public static byte[] withSequence(byte[] header, int sequence) { throw new UnsupportedOperationException(); }
    public static ZreMessage decode(List<byte[]> frames) { throw new UnsupportedOperationException(); }
    public static byte[] packHash(Map<String, String> hash) { throw new UnsupportedOperationException(); }
    public static Map<String, String> unpackHash(byte[] packed) { throw new UnsupportedOperationException(); }
}
